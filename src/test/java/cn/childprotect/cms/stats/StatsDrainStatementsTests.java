package cn.childprotect.cms.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.support.FaultInjection;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 19: the statistics drain costs a fixed number of statements per batch, not some thirty
 * per filed report: fifty filings (fifty reports, fifty cases) are drained with the statements
 * of one batch, and so is the acceptance of their fifty cases. The statements the test's thread prepares are recorded ({@link FaultInjection});
 * the test holds the drain's lock, so the scheduled drain cannot take the rows first.
 */
@Import(FaultInjection.class)
class StatsDrainStatementsTests extends IntegrationTest {

    private static final int FILINGS = 50;

    @Autowired
    StatsRollup rollup;

    @Autowired
    FaultInjection database;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcTemplate jdbc;

    private RollupProbe probe() {
        return new RollupProbe(jdbc, locks);
    }

    @AfterEach
    void stopRecording() {
        database.reset();
    }

    @Test
    void fiftyFilingsAndTheirAcceptanceAreDrainedWithAFixedNumberOfStatements() {
        SimpleLock lock = probe().holdDrainLock();
        try {
            // what earlier tests left, so that the batch counted is this test's
            rollup.drainAll();
            List<Long> reportIds = new ArrayList<>();
            for (int i = 0; i < FILINGS; i++) {
                reportIds.add(file());
            }
            String ids = String.join(", ", Collections.nCopies(FILINGS, "?"));
            List<Long> caseIds = jdbc.queryForList("select case_id from intake_report where id in (" + ids + ")",
                    Long.class, reportIds.toArray());
            assertThat(caseIds).hasSize(FILINGS).doesNotContainNull().doesNotHaveDuplicates();
            assertThat(probe().pending("intake.report", reportIds)).isEqualTo(FILINGS);
            assertThat(probe().pending("intake.case", caseIds)).isEqualTo(FILINGS);

            database.recordStatements();
            rollup.drainAll();
            List<String> statements = database.recordedStatements();
            database.reset();

            // the pending rows and their delete; per source (reports, cases, and whatever else a
            // filing marks) its things (the case source: cases, timelines, first reports), their
            // stored facts and one delete; the new facts as one batch; per rollup table an upsert
            // batch (and an update batch when sums shrink); a few more if a listener on another
            // thread marked things of other sources meanwhile. The row-by-row drain took over 1,000.
            assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(20);
            assertThat(probe().pending("intake.report", reportIds)).isZero();
            assertThat(probe().pending("intake.case", caseIds)).isZero();
            assertThat(probe().facts("intake.report", "reports.received", reportIds)).isEqualTo(FILINGS);
            assertThat(probe().facts("intake.case", "cases.opened", caseIds)).isEqualTo(FILINGS);

            // the same cases accepted: their facts change, so old facts are deleted and sums shrink
            for (long caseId : caseIds) {
                assertThat(fire("supervisor1", caseId, "ACCEPT", null)).hasStatusOk();
            }
            database.recordStatements();
            rollup.drainAll();
            List<String> afterAccept = database.recordedStatements();
            database.reset();

            // as above, plus per source a delete of the replaced facts and per table an update batch
            assertThat(afterAccept).as(String.join("\n", afterAccept)).hasSizeLessThanOrEqualTo(20);
            assertThat(probe().pending("intake.case", caseIds)).isZero();
            assertThat(probe().facts("intake.case", "time.acceptance", caseIds)).isEqualTo(FILINGS);
            assertThat(jdbc.queryForObject("select count(*) from stats_fact where source = 'intake.case' and measure"
                    + " = 'cases.opened' and state = 'ASSESSING' and subject_id in (" + ids + ")", Long.class,
                    caseIds.toArray())).isEqualTo(FILINGS);
        }
        finally {
            database.reset();
            lock.unlock();
        }
    }

    private long file() {
        String body = """
                {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"drain %s",
                 "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(UUID.randomUUID(),
                TestIds.uniqueName());
        MvcTestResult result = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(result).hasStatus(201);
        return ((Number) read(result, "$.reportId")).longValue();
    }



}

package cn.childprotect.cms.guardianship;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: a child director's page of measures learns which of its cases the director works in
 * one query, not one look-up per measure (up to 200 on a page). Counted with Hibernate's
 * statistics, switched on for the test and off again.
 */
class MeasureListStatementsTests extends IntegrationTest {

    @Autowired
    MeasureDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory emf;

    @Test
    void aDirectorsPageOfFortyMeasuresOnFortyCasesTakesAFewStatements() {
        // a township of its own, so that no other test's measures are in this director's scope
        String township = "520102" + (900 + ThreadLocalRandom.current().nextInt(99));
        String director = "meas-dir-" + ThreadLocalRandom.current().nextInt(1_000_000);
        CurrentUser user = new CurrentUser(director, director, Role.CHILD_DIRECTOR, township + "000", null, null, null);
        Timestamp now = Timestamp.from(Instant.now());
        List<Long> caseIds = new ArrayList<>();
        try {
            // forty cases, every second one the director's, each with a measure
            for (int i = 0; i < 40; i++) {
                String village = township + "%03d".formatted(1 + i % 3);
                jdbc.update("insert into cases_case (case_number, village_code, child_id, status, status_entered_at, "
                        + "urgent, assignee, opened_at, version) values (?, ?, ?, 'HANDLING', ?, false, ?, ?, 0)",
                        director + "-" + i, village, 700_000_000L + i, now, i % 2 == 0 ? director : "someone-else", now);
                long caseId = jdbc.queryForObject("select id from cases_case where case_number = ?", Long.class,
                        director + "-" + i);
                caseIds.add(caseId);
                jdbc.update("insert into guardianship_measure (case_id, case_number, village_code, measure_type, "
                        + "status, ended, created_by, created_at, urgent, version) values (?, ?, ?, 'PROTECTION_ORDER', "
                        + "'FILED', false, ?, ?, false, 0)", caseId, director + "-" + i, village, director, now);
            }

            Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
            boolean wasEnabled = stats.isStatisticsEnabled();
            stats.setStatisticsEnabled(true);
            try {
                // the fewest of three calls: a listener of an earlier test still running on another
                // thread would count too
                long statements = Long.MAX_VALUE;
                List<MeasureView> page = List.of();
                for (int i = 0; i < 3; i++) {
                    stats.clear();
                    page = desk.list(null, null, false, user);
                    statements = Math.min(statements, stats.getPrepareStatementCount());
                }
                assertThat(page).hasSize(20).allSatisfy(m -> assertThat(caseIds.indexOf(m.caseId()) % 2).isZero());
                // the page, the director's cases among its cases, the measures' histories (and the
                // audit row): not one look-up per measure (before: 40 more)
                assertThat(statements).isLessThanOrEqualTo(5);
            }
            finally {
                stats.setStatisticsEnabled(wasEnabled);
            }
        }
        finally {
            jdbc.update("delete from guardianship_measure where case_number like ?", director + "-%");
            jdbc.update("delete from cases_case where case_number like ?", director + "-%");
        }
    }
}

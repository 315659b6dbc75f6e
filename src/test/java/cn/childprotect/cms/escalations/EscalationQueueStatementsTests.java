package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;

/**
 * Issue 19: a page of the escalation queue costs the same few statements whatever it shows (the
 * page, its count, the case numbers of its items in one query), not one look-up per item.
 * Counted with Hibernate's statistics, switched on for the test and off again.
 */
class EscalationQueueStatementsTests extends IntegrationTest {

    @Autowired
    EscalationDesk desk;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    UserDirectory users;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory emf;

    @Test
    void aPageOfTwentyItemsOnTwentyCasesTakesFourStatements() {
        // twenty open items on twenty cases of the township, oldest misses of all (first in their severity)
        List<Miss> misses = new ArrayList<>();
        Instant longAgo = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(3_650, ChronoUnit.DAYS);
        for (int i = 0; i < 20; i++) {
            long caseId = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("BL01"), false).id();
            // a source id no report has (report ids are small): other tests look police items up by report id
            misses.add(new Miss(EscalationKind.POLICE_NOTIFICATION, 8_000_000_000L + caseId, longAgo.plusSeconds(i),
                    caseId, CaseFixtures.VILLAGE_1_1));
        }
        // written by hand: raising through the desk would start the mail listeners, whose statements
        // (on other threads) Hibernate's statistics would count too
        for (Miss m : misses) {
            jdbc.update("insert into escalations_item (kind, source_id, source_deadline, level, case_id, village_code, "
                    + "severity, status, raised_at, version) values ('POLICE_NOTIFICATION', ?, ?, 'TOWNSHIP', ?, ?, 5, "
                    + "'OPEN', ?, 0)", m.sourceId(), java.sql.Timestamp.from(m.deadline()), m.caseId(), m.villageCode(),
                    java.sql.Timestamp.from(m.deadline()));
        }
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();

        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        boolean wasEnabled = stats.isStatisticsEnabled();
        stats.setStatisticsEnabled(true);
        try {
            // the fewest of three calls: the first may fill the division cache, and a listener of an
            // earlier test still running on another thread would count too
            long statements = Long.MAX_VALUE;
            Page<EscalationView> page = null;
            for (int i = 0; i < 3; i++) {
                stats.clear();
                page = desk.queue(supervisor, EscalationKind.POLICE_NOTIFICATION, null, 0, 20);
                statements = Math.min(statements, stats.getPrepareStatementCount());
            }

            assertThat(page.getContent()).hasSize(20)
                    .allSatisfy(v -> assertThat(v.caseId() == null || v.caseNumber() != null).isTrue());
            // the page (one row more than it shows), the probe "more than 1,000?" and, as there are
            // fewer, their count (both index only, never the whole scope), the case numbers (village
            // names come from the cached division tree): four, however many items the page shows
            assertThat(statements).isLessThanOrEqualTo(4);
        }
        finally {
            stats.setStatisticsEnabled(wasEnabled);
            // these open items are the oldest misses of all: they would fill other tests' queues
            jdbc.update("delete from escalations_item where kind = 'POLICE_NOTIFICATION' and source_id >= 8000000000");
        }
    }
}

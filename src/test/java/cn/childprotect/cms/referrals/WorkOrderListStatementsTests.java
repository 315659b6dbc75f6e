package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: a page of an agency's work orders reads the agency's name and the cases' statuses
 * once per page, not once per order. Counted with Hibernate's statistics, switched on for the
 * test and off again.
 */
class WorkOrderListStatementsTests extends IntegrationTest {

    @Autowired
    WorkOrderDesk desk;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EntityManagerFactory emf;

    @Test
    void aPageOfTwentyOrdersOnTwentyCasesTakesAFewStatements() {
        String run = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
        String agency = "STMT-" + run;
        CurrentUser staff = new CurrentUser("stmt-staff-" + run, "staff", Role.AGENCY_STAFF, "141029000000", agency,
                null, null);
        Timestamp now = Timestamp.from(Instant.now());
        Timestamp due = Timestamp.from(Instant.now().plus(30, ChronoUnit.DAYS));
        try {
            jdbc.update("insert into agencies_agency (code, type, name, jurisdiction_code, active, version) "
                    + "values (?, 'PUBLIC_SECURITY', ?, '141029000000', true, 0)", agency, "派出所 " + run);
            for (int i = 0; i < 20; i++) {
                String number = agency + "-" + i;
                jdbc.update("insert into cases_case (case_number, village_code, child_id, status, status_entered_at, "
                        + "urgent, opened_at, version) values (?, '141029100001', ?, 'HANDLING', ?, false, ?, 0)",
                        number, 710_000_000L + i, now, now);
                long caseId = jdbc.queryForObject("select id from cases_case where case_number = ?", Long.class, number);
                jdbc.update("insert into referrals_work_order (case_id, case_number, village_code, agency_code, status, "
                        + "request_text, shared_summary, dispatched_by, dispatched_at, sign_by, due_at, urge_count, "
                        + "version) values (?, ?, '141029100001', ?, 'DISPATCHED', 'r', 's', 'stmt', ?, ?, ?, 0, 0)",
                        caseId, number, agency, now, due, due);
            }

            Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
            boolean wasEnabled = stats.isStatisticsEnabled();
            stats.setStatisticsEnabled(true);
            try {
                // the fewest of three calls: a listener of an earlier test still running on another
                // thread would count too
                long statements = Long.MAX_VALUE;
                Page<WorkOrderView> page = Page.empty();
                for (int i = 0; i < 3; i++) {
                    stats.clear();
                    page = desk.mine(staff, null, false, PageRequest.of(0, 20, Sort.by("dueAt", "id")));
                    statements = Math.min(statements, stats.getPrepareStatementCount());
                }
                assertThat(page.getContent()).hasSize(20).allSatisfy(v -> {
                    assertThat(v.agencyName()).isEqualTo("派出所 " + run);
                    assertThat(v.caseStatus()).isNotNull();
                });
                // the page (the last: no count), the histories, the extension requests, the cases,
                // the agency (and the audit row): not two look-ups per order (before: 40 more)
                assertThat(statements).isLessThanOrEqualTo(7);
            }
            finally {
                stats.setStatisticsEnabled(wasEnabled);
            }
        }
        finally {
            jdbc.update("delete from referrals_work_order where agency_code = ?", agency);
            jdbc.update("delete from cases_case where case_number like ?", agency + "-%");
            jdbc.update("delete from agencies_agency where code = ?", agency);
        }
    }
}

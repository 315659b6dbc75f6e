package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The overdue queries of the escalation sweep and of the agency's list can use their indexes on
 * MySQL/MariaDB (possible_keys of EXPLAIN): sign-by and respond-by are both kept in {@code due_at},
 * the deadline of the order's current step, so one (status, due_at) index serves both scans.
 */
@EnabledIf("cn.childprotect.cms.support.TestDatabase#isRealMySql")
class WorkOrderIndexTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void overdueForSigningAndForResponseCanUseTheDeadlineIndex() {
        for (String status : List.of("DISPATCHED", "SIGNED")) {
            List<Map<String, Object>> plan = jdbc.queryForList("explain select id from referrals_work_order where status = '"
                    + status + "' and due_at < now() order by due_at limit 100");
            assertThat(plan).anySatisfy(row -> assertThat(String.valueOf(row.get("possible_keys")))
                    .contains("referrals_work_order_due"));
        }
    }

    @Test
    void theAgencysOverdueListCanUseTheAgencyIndex() {
        List<Map<String, Object>> plan = jdbc.queryForList(
                "explain select id from referrals_work_order where agency_code = 'XN-PS' and due_at < now()");
        assertThat(plan).anySatisfy(row -> assertThat(String.valueOf(row.get("possible_keys")))
                .contains("referrals_work_order_agency"));
    }
}

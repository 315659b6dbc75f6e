package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The work-list queries can use their indexes on MySQL/MariaDB (possible_keys of EXPLAIN). The
 * plan over 100,000 and 1,000,000 cases, and its timing, is in the benchmark (bench/, README).
 */
@EnabledIf("cn.childprotect.cms.support.TestDatabase#isRealMySql")
class CaseIndexTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void overdueQueryCanUseTheDeadlineIndex() {
        List<Map<String, Object>> plan = jdbc.queryForList(
                "explain select id from cases_case where status_deadline < now() and village_code like '141029100%'");
        assertThat(plan).anySatisfy(row -> assertThat(String.valueOf(row.get("possible_keys")))
                .contains("cases_case_deadline"));
    }

    @Test
    void openCaseOfAChildCanUseTheChildIndex() {
        List<Map<String, Object>> plan = jdbc.queryForList(
                "explain select id from cases_case where child_id = 42 and status in ('RECEIVED','ASSESSING')");
        assertThat(plan).anySatisfy(row -> assertThat(String.valueOf(row.get("possible_keys")))
                .contains("cases_case_child"));
    }
}

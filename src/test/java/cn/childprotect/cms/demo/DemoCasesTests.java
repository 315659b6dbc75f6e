package cn.childprotect.cms.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import cn.childprotect.cms.assessment.AssessmentDesk;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The embedded default's demo cases: a few dozen, in every state and several villages, made
 * through the facades (timeline and audit entries exist), and only once. Its own in-memory
 * database, because the shared test database must not fill with demo cases.
 */
@SpringBootTest(properties = { "cms.demo.cases=true",
        "spring.datasource.url=jdbc:h2:mem:demo-cases;MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1" })
@ActiveProfiles("test")
class DemoCasesTests {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DemoCases demoCases;

    @Autowired
    AssessmentDesk support;

    @Autowired
    UserDirectory users;

    @Test
    void theFirstStartSeedsCasesAcrossStatesAndVillagesThroughTheWorkflowOnce() throws Exception {
        int cases = count("select count(*) from cases_case");
        assertThat(cases).isBetween(25, 40);
        List<Map<String, Object>> byStatus = jdbc.queryForList("select status, count(*) n from cases_case group by status");
        assertThat(byStatus).extracting(r -> r.get("status")).contains("RECEIVED", "ASSESSING", "EMERGENCY", "HANDLING",
                "SUPPORTING", "PENDING_CLOSURE", "CLOSED", "SCREENED_OUT");
        assertThat(count("select count(distinct village_code) from cases_case")).isEqualTo(6);
        // through the facades: timeline, audit, work orders, escalation review items are all there
        assertThat(count("select count(*) from cases_timeline")).isGreaterThan(cases * 2);
        assertThat(count("select count(*) from audit_entry")).isGreaterThan(cases);
        assertThat(count("select count(*) from referrals_work_order")).isGreaterThanOrEqualTo(4);
        assertThat(support.awaitingConfirmation(users.findCurrentUser("county1").orElseThrow(), 50)).hasSize(2);

        demoCases.run(null); // as at the next start
        assertThat(count("select count(*) from cases_case")).isEqualTo(cases);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}

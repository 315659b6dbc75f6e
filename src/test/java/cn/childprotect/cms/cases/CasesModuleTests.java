package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.cases.events.CaseOpened;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The cases module on its own (with what it depends on, issue 11 item 8): opening a case publishes
 * {@link CaseOpened}, and the timeline projection writes its line in the same transaction.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class CasesModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void openingACasePublishesCaseOpenedAndTheProjectionWritesItsLine(Scenario scenario) {
        long reportId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        scenario.stimulate(() -> caseFiles.open(new OpenCaseCommand(
                ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE), "141029100001", Set.of("BL01"),
                false, reportId, "R-TEST-" + reportId, "operator1")))
                .andWaitForEventOfType(CaseOpened.class).matching(e -> e.reportId() == reportId)
                .toArriveAndVerify(event -> assertThat(jdbc.queryForObject(
                        "select count(*) from cases_timeline where case_id = ? and kind = 'OPENED' and reference = ?",
                        Integer.class, event.caseId(), "report:" + reportId)).isEqualTo(1));
    }
}

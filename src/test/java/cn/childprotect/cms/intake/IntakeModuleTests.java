package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.cases.events.CaseOpened;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.support.TestDatabase;
import cn.childprotect.cms.support.TestIds;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.PublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The intake module with what it depends on (issue 11 item 8): a hotline report opens a case in
 * the same transaction and publishes {@link ReportReceived}; the case module's {@link CaseOpened}
 * carries the report's id.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class IntakeModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @Autowired
    IntakeDesk desk;

    @Test
    void aHotlineReportOpensACaseAndSaysSo(PublishedEvents events) {
        CurrentUser operator = new CurrentUser("operator1", "operator1", Role.HOTLINE_OPERATOR, "141029000000", null, null,
                null);
        ReportSubmission report = new ReportSubmission(Channel.HOTLINE, List.of("BL01"), false, null, "141029100001",
                "module test " + UUID.randomUUID(), new ChildData(TestIds.uniqueName(), null, null, null, null, false,
                        null, null, null, null, List.of()),
                new ReportSubmission.Reporter(true, null, null, null, null), null, false);

        ReportReceipt receipt = desk.submit(report, null, operator);

        assertThat(events.ofType(ReportReceived.class).matching(e -> e.receiptNumber().equals(receipt.receiptNumber())))
                .hasSize(1);
        assertThat(events.ofType(CaseOpened.class).matching(e -> e.receiptNumber().equals(receipt.receiptNumber())))
                .hasSize(1);
    }
}

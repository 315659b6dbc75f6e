package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.OpenCaseCommand;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.referrals.events.WorkOrderDispatched;
import cn.childprotect.cms.referrals.events.WorkOrderStepRecorded;
import cn.childprotect.cms.support.TestDatabase;
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
 * The referrals module with what it depends on (issue 11 item 8): a dispatch publishes the
 * step's ids-only event for the mails and the timeline's fact for the case.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class ReferralsModuleTests {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.get().register(registry);
    }

    @Autowired
    CaseFiles caseFiles;

    @Autowired
    WorkOrderDesk desk;

    @Test
    void aDispatchPublishesItsStep(PublishedEvents events) {
        CurrentUser supervisor = new CurrentUser("supervisor1", "supervisor1", Role.SUPERVISOR, "141029100000", null, null,
                null);
        long reportId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
        CaseRef ref = caseFiles.open(new OpenCaseCommand(ThreadLocalRandom.current().nextLong(1_000_000_000L,
                Long.MAX_VALUE), "141029100001", Set.of("BL01"), false, reportId, "R-" + reportId, "operator1"));
        caseFiles.transition(ref.id(), new TransitionCommand(CaseEvent.ACCEPT, null, null, null),
                ref.version(), supervisor);

        WorkOrderView order = desk.dispatch(ref.id(),
                new WorkOrderDesk.Dispatch("XN-PS", "module test request", "module test summary", null), supervisor);

        assertThat(events.ofType(WorkOrderDispatched.class).matching(e -> e.workOrderId() == order.id())).hasSize(1);
        assertThat(events.ofType(WorkOrderStepRecorded.class)
                .matching(e -> e.workOrderId() == order.id() && e.caseId() == ref.id())).hasSize(1);
    }
}

package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;

import cn.childprotect.cms.referrals.events.WorkOrderCompleted;
import cn.childprotect.cms.referrals.events.WorkOrderSigned;
import cn.childprotect.cms.referrals.events.WorkOrderStepRecorded;
import cn.childprotect.cms.shared.Refusal;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The work order on its own: each step checks the step table and its own rule, and registers
 * its events once its history line is stored.
 */
class WorkOrderAggregateTests {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private static WorkOrder dispatched(long id, Long leadId) {
        WorkOrder order = new WorkOrder(3, "CP-1", "520102001001", "XN-PS", "visit", "summary", "director1", T,
                T.plusSeconds(7200), null, leadId, "sent");
        ReflectionTestUtils.setField(order, "id", id);
        stored(order);
        return order;
    }

    /** What the desk does: stores the new lines (ids 100, 101, ...) and lets the order register their events. */
    private static List<WorkOrderStep> stored(WorkOrder order) {
        List<WorkOrderStep> lines = order.newSteps();
        long next = 100;
        for (WorkOrderStep line : lines) {
            ReflectionTestUtils.setField(line, "id", next++);
        }
        order.stepsStored(lines, "Police");
        return lines;
    }

    private static Collection<Object> events(WorkOrder order) {
        Collection<Object> events = ReflectionTestUtils.invokeMethod(order, "domainEvents");
        ReflectionTestUtils.invokeMethod(order, "clearDomainEvents");
        return events;
    }

    @Test
    void aStepRegistersItsTimelineLineAndItsEventNamingTheStoredLine() {
        WorkOrder order = dispatched(7, null);
        assertThat(events(order)).hasSize(2);
        order.sign(T.plusSeconds(60), T.plusSeconds(86400), "police1");
        assertThat(events(order)).as("nothing before the line is stored").isEmpty();
        List<WorkOrderStep> lines = stored(order);
        assertThat(lines).singleElement().satisfies(line -> assertThat(line.action()).isEqualTo(WorkOrderAction.SIGN));
        assertThat(events(order)).containsExactly(
                new WorkOrderStepRecorded(7, 100, 3, WorkOrderAction.SIGN, "Police", null, "police1", null, List.of(), false),
                new WorkOrderSigned(7, 100, 3, "XN-PS"));
        assertThat(order.status()).isEqualTo(WorkOrderStatus.SIGNED);
        assertThat(order.dueAt()).isEqualTo(T.plusSeconds(86400));
    }

    @Test
    void aStepTheTableDoesNotAllowIsRefusedAndTakesNoStep() {
        WorkOrder order = dispatched(7, null);
        assertThatThrownBy(() -> order.respond(T, "done", "police1")).isInstanceOf(Refusal.InvalidState.class);
        assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
        assertThat(order.hasNewSteps()).isFalse();
    }

    @Test
    void onlyAnOverdueOrderIsUrged() {
        WorkOrder order = dispatched(7, null);
        assertThatThrownBy(() -> order.urge(T.plusSeconds(60), "supervisor1", "hurry", ZONE))
                .isInstanceOf(Refusal.InvalidState.class)
                .satisfies(e -> assertThat(((Refusal) e).type()).isEqualTo("work-order-not-overdue"));
        order.urge(T.plusSeconds(7201), "supervisor1", "hurry", ZONE);
        assertThat(order.urgeCount()).isEqualTo(1);
    }

    @Test
    void theLeadCompletesOnceEveryPartIsAnsweredAndTheAnsweredPartsCompleteWithIt() {
        WorkOrder lead = dispatched(7, null);
        WorkOrder part = dispatched(8, 7L);
        for (WorkOrder order : List.of(lead, part)) {
            order.sign(T, T.plusSeconds(86400), "agency");
        }
        lead.respond(T, "done", "police1");
        assertThatThrownBy(() -> lead.complete(T, "director1", null, List.of(part)))
                .isInstanceOf(Refusal.InvalidState.class)
                .satisfies(e -> assertThat(((Refusal) e).type()).isEqualTo("work-order-parts-open"));
        part.respond(T, "done too", "school1");
        assertThatThrownBy(() -> part.complete(T, "director1", null, List.of()))
                .satisfies(e -> assertThat(((Refusal) e).type()).isEqualTo("work-order-part-completes-with-lead"));
        lead.complete(T, "director1", null, List.of(part));
        assertThat(part.status()).isEqualTo(WorkOrderStatus.COMPLETED);
        assertThat(stored(part)).extracting(WorkOrderStep::action).containsExactly(WorkOrderAction.SIGN,
                WorkOrderAction.RESPOND, WorkOrderAction.COMPLETE);
        assertThat(part.hasNewSteps()).isFalse();
        stored(lead);
        assertThat(events(lead)).contains(new WorkOrderCompleted(7, 102, 3, "XN-PS"));
    }

    @Test
    void anExtensionMustBeLaterThanTheCurrentDeadlineAndOnlyOneIsPending() {
        WorkOrder order = dispatched(7, null);
        assertThatThrownBy(() -> order.requestExtension(T, false, T, "police1", "later", ZONE))
                .isInstanceOf(Refusal.InvalidInput.class);
        assertThatThrownBy(() -> order.requestExtension(T.plusSeconds(9000), true, T, "police1", "later", ZONE))
                .isInstanceOf(Refusal.InvalidState.class);
        order.extend(T.plusSeconds(9000), T, "supervisor1", null, ZONE);
        assertThat(order.signBy()).isEqualTo(T.plusSeconds(9000));
        assertThat(order.extensionCount()).isEqualTo(1);
    }
}

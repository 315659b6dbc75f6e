package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Collection;

import cn.childprotect.cms.escalations.events.EscalationRaised;
import cn.childprotect.cms.escalations.events.EscalationRaisedOnCase;
import cn.childprotect.cms.escalations.events.EscalationResolved;
import cn.childprotect.cms.shared.Refusal;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The escalation item on its own: OPEN, ACKNOWLEDGED, RESOLVED, and the events of each. */
class EscalationAggregateTests {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");

    private static Escalation raised(Long caseId) {
        Escalation e = new Escalation(EscalationKind.CASE_DEADLINE, 3, T, EscalationLevel.TOWNSHIP, caseId,
                "520102001001", T);
        ReflectionTestUtils.setField(e, "id", 11L);
        return e;
    }

    private static Collection<Object> events(Escalation e) {
        Collection<Object> events = ReflectionTestUtils.invokeMethod(e, "domainEvents");
        ReflectionTestUtils.invokeMethod(e, "clearDomainEvents");
        return events;
    }

    @Test
    void raisingRegistersTheCaseLineAndTheIdsOnlyEventWithTheAssignedId() {
        assertThat(events(raised(5L))).containsExactly(
                new EscalationRaisedOnCase(11, 5, EscalationKind.CASE_DEADLINE, EscalationLevel.TOWNSHIP),
                new EscalationRaised(11));
        assertThat(events(raised(null))).containsExactly(new EscalationRaised(11));
    }

    @Test
    void anItemIsAcknowledgedOnceAndResolvedOnceWithANote() {
        Escalation e = raised(5L);
        events(e);
        e.acknowledge("supervisor1", T);
        assertThatThrownBy(() -> e.acknowledge("supervisor1", T)).isInstanceOf(Refusal.InvalidState.class);
        assertThatThrownBy(() -> e.resolve("supervisor1", T, " ")).isInstanceOf(Refusal.InvalidInput.class);
        e.resolve("supervisor1", T, " called the family ");
        assertThat(events(e)).containsExactly(new EscalationResolved(11, 5L, EscalationKind.CASE_DEADLINE,
                EscalationLevel.TOWNSHIP, "called the family", false, "supervisor1", null));
        assertThatThrownBy(() -> e.resolve("supervisor1", T, "again")).isInstanceOf(Refusal.InvalidState.class);
        assertThatThrownBy(() -> e.acknowledge("supervisor1", T)).isInstanceOf(Refusal.InvalidState.class);
    }

    @Test
    void anItemResolvedWithItsCaseRegistersNothingAutomaticResolutionDoes() {
        Escalation withCase = raised(5L);
        events(withCase);
        withCase.resolveWithCase(T, Reason.of("escalation.resolved.case-closed",
                cn.childprotect.cms.shared.Labels.resolvable(cn.childprotect.cms.cases.CaseStatus.CLOSED)));
        assertThat(withCase.isOpen()).isFalse();
        assertThat(events(withCase)).isEmpty();
        // the reason is kept as a message (its key and its arguments' keys), read in the reader's language
        assertThat(withCase.resolutionReason()).isEqualTo(new Reason("escalation.resolved.case-closed",
                java.util.List.of("label.CaseStatus.CLOSED")));
        assertThat(withCase.resolutionNote()).isNull();
        Escalation automatic = raised(5L);
        events(automatic);
        Reason met = Reason.of("escalation.resolved.deadline-met");
        automatic.resolveAutomatically(T, met);
        assertThat(events(automatic)).containsExactly(new EscalationResolved(11, 5L, EscalationKind.CASE_DEADLINE,
                EscalationLevel.TOWNSHIP, null, true, "system", met.message()));
        assertThat(automatic.resolutionReason()).isEqualTo(met);
    }
}

package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.cases.events.CaseAssigned;
import cn.childprotect.cms.cases.events.CaseOpened;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The case aggregate on its own: its transitions check their rules and register their events. */
class CaseFileAggregateTests {

    private static final Instant T = Instant.parse("2026-11-23T02:00:00Z");
    private final CaseWorkflow workflow = new CaseWorkflow();
    private final CaseDeadlines deadlines = new CaseDeadlines(
            new SlaPolicy(null, null, null, null, null, null, null, null, null, null, null),
            new WorkingCalendar(List.of(), List.of(), ZoneId.of("Asia/Shanghai")));

    private CaseFile opened() {
        CaseFile file = new CaseFile("CP-1", 5, "520102001001", Set.of("BL01"), false, T,
                T.plusSeconds(3600), 9, "R-1", "operator1");
        ReflectionTestUtils.setField(file, "id", 42L);
        return file;
    }

    private static Collection<Object> events(CaseFile file) {
        Collection<Object> events = ReflectionTestUtils.invokeMethod(file, "domainEvents");
        ReflectionTestUtils.invokeMethod(file, "clearDomainEvents");
        return events;
    }

    @Test
    void openingRegistersCaseOpenedWithTheIdTheSaveAssigned() {
        CaseFile file = opened();
        assertThat(events(file)).containsExactly(new CaseOpened(42, "520102001001", 9, "R-1", "operator1"));
    }

    @Test
    void aTransitionChangesTheStateAndRegistersOneStatusChange() {
        CaseFile file = opened();
        events(file);
        file.fire(CaseEvent.ACCEPT, null, "ok", null, "supervisor1", T.plusSeconds(60), workflow, deadlines);
        assertThat(file.status()).isEqualTo(CaseStatus.ASSESSING);
        assertThat(file.statusEnteredAt()).isEqualTo(T.plusSeconds(60));
        assertThat(events(file)).containsExactly(new CaseStatusChanged(42, "520102001001", CaseEvent.ACCEPT,
                CaseStatus.RECEIVED, CaseStatus.ASSESSING, "supervisor1", "CP-1", null, "ok", null, null, null));
    }

    @Test
    void anEventTheStateHasNoTransitionForIsRefusedAndChangesNothing() {
        CaseFile file = opened();
        events(file);
        assertThatThrownBy(() -> file.fire(CaseEvent.APPROVE_CLOSURE, null, null, null, "supervisor1", T, workflow,
                deadlines)).isInstanceOf(Refusal.InvalidState.class);
        assertThat(file.status()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(events(file)).isEmpty();
    }

    @Test
    void aMergeNamesAnotherCaseAndAnEndStateRecordsTheClosure() {
        CaseFile file = opened();
        assertThatThrownBy(() -> file.fire(CaseEvent.MERGE, null, null, 42L, "supervisor1", T, workflow, deadlines))
                .isInstanceOf(Refusal.InvalidInput.class);
        file.mergeOpenedInError(7, "same child", "operator1", T, workflow, deadlines);
        assertThat(file.status()).isEqualTo(CaseStatus.MERGED);
        assertThat(file.mergedInto()).isEqualTo(7L);
        assertThat(file.closedAt()).isEqualTo(T);
        assertThatThrownBy(() -> file.mergeOpenedInError(8, null, "operator1", T, workflow, deadlines))
                .isInstanceOf(Refusal.InvalidState.class);
    }

    @Test
    void onlyAnOpenCaseIsAssigned() {
        CaseFile file = opened();
        events(file);
        file.assignTo("director1", "Director One", "supervisor1");
        assertThat(events(file)).containsExactly(
                new CaseAssigned(42, "520102001001", "director1", null, "supervisor1", "Director One"));
        file.fire(CaseEvent.SCREEN_OUT, "not a protection matter", null, null, "supervisor1", T, workflow, deadlines);
        assertThatThrownBy(() -> file.assignTo("director2", "Director Two", "supervisor1"))
                .isInstanceOf(Refusal.InvalidState.class);
        assertThat(file.assignee()).isEqualTo("director1");
    }
}

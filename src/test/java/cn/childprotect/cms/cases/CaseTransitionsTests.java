package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

/** What is derived from the one transition table says what docs/domain.md §4 says. */
class CaseTransitionsTests {

    @Test
    void everyEventHasExactlyOneRow() {
        assertThat(CaseTransitions.TABLE).extracting(CaseTransitions.Row::event)
                .containsExactlyInAnyOrder(CaseEvent.values());
    }

    @Test
    void permissionsReasonsAndEndStatesComeFromTheTable() {
        assertThat(CasePermissions.SUPERVISOR_ONLY).isEqualTo(EnumSet.of(CaseEvent.ACCEPT, CaseEvent.SCREEN_OUT,
                CaseEvent.MERGE, CaseEvent.APPROVE_CLOSURE, CaseEvent.REJECT_CLOSURE, CaseEvent.REOPEN));
        assertThat(EnumSet.allOf(CaseEvent.class).stream().filter(CaseEvent::needsReason))
                .containsExactlyInAnyOrder(CaseEvent.SCREEN_OUT, CaseEvent.REQUEST_CLOSURE, CaseEvent.REJECT_CLOSURE,
                        CaseEvent.REOPEN);
        assertThat(EnumSet.allOf(CaseStatus.class).stream().filter(s -> !s.isOpen()))
                .containsExactlyInAnyOrder(CaseStatus.CLOSED, CaseStatus.SCREENED_OUT, CaseStatus.MERGED);
        assertThat(CaseFiles.OPEN).doesNotContainAnyElementsOf(CaseTransitions.END_STATES).hasSize(6);
    }

    @Test
    void theMachineIsBuiltFromTheTable() {
        CaseWorkflow workflow = new CaseWorkflow();
        for (CaseTransitions.Row row : CaseTransitions.TABLE) {
            for (CaseStatus from : row.from()) {
                assertThat(workflow.eventsFrom(from)).contains(row.event());
                assertThat(workflow.fire(from, row.event())).contains(row.to());
            }
        }
    }
}

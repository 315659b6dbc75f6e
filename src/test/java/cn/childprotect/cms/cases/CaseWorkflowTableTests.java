package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

/**
 * Every (state, event) pair against docs/domain.md §4's table, written out here independently of
 * the production table: allowed pairs reach the listed state, every other pair is refused.
 */
class CaseWorkflowTableTests {

    private static final Map<String, CaseStatus> DOMAIN_TABLE = Map.ofEntries(
            Map.entry("RECEIVED:ACCEPT", CaseStatus.ASSESSING),
            Map.entry("RECEIVED:DECLARE_EMERGENCY", CaseStatus.EMERGENCY),
            Map.entry("ASSESSING:DECLARE_EMERGENCY", CaseStatus.EMERGENCY),
            Map.entry("HANDLING:DECLARE_EMERGENCY", CaseStatus.EMERGENCY),
            Map.entry("SUPPORTING:DECLARE_EMERGENCY", CaseStatus.EMERGENCY),
            Map.entry("EMERGENCY:STABILIZE", CaseStatus.ASSESSING),
            Map.entry("ASSESSING:COMPLETE_ASSESSMENT", CaseStatus.HANDLING),
            Map.entry("HANDLING:START_SUPPORT", CaseStatus.SUPPORTING),
            Map.entry("HANDLING:REQUEST_CLOSURE", CaseStatus.PENDING_CLOSURE),
            Map.entry("SUPPORTING:REQUEST_CLOSURE", CaseStatus.PENDING_CLOSURE),
            Map.entry("PENDING_CLOSURE:APPROVE_CLOSURE", CaseStatus.CLOSED),
            Map.entry("PENDING_CLOSURE:REJECT_CLOSURE", CaseStatus.SUPPORTING),
            Map.entry("RECEIVED:SCREEN_OUT", CaseStatus.SCREENED_OUT),
            Map.entry("ASSESSING:SCREEN_OUT", CaseStatus.SCREENED_OUT),
            Map.entry("RECEIVED:MERGE", CaseStatus.MERGED),
            Map.entry("CLOSED:REOPEN", CaseStatus.ASSESSING),
            Map.entry("SCREENED_OUT:REOPEN", CaseStatus.ASSESSING));

    private static final CaseWorkflow WORKFLOW = new CaseWorkflow();

    static Stream<Arguments> everyPair() {
        return Stream.of(CaseStatus.values())
                .flatMap(state -> Stream.of(CaseEvent.values()).map(event -> Arguments.of(state, event)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyPair")
    void firesExactlyTheTransitionsOfTheDomainTable(CaseStatus state, CaseEvent event) {
        CaseStatus expected = DOMAIN_TABLE.get(state + ":" + event);
        Optional<CaseStatus> result = WORKFLOW.fire(state, event);
        if (expected == null) {
            assertThat(result).as("%s must refuse %s", state, event).isEmpty();
            assertThat(WORKFLOW.eventsFrom(state)).doesNotContain(event);
        }
        else {
            assertThat(result).as("%s + %s", state, event).contains(expected);
            assertThat(WORKFLOW.eventsFrom(state)).contains(event);
        }
    }

    /** The looked-up answer is the one a fresh state machine gives (what fire did per command before). */
    @ParameterizedTest(name = "{0} + {1} on a fresh machine")
    @MethodSource("everyPair")
    void answersAsAFreshStateMachineDoes(CaseStatus state, CaseEvent event) {
        assertThat(WORKFLOW.fire(state, event)).isEqualTo(CaseWorkflow.fireOnFreshMachine(state, event));
    }
}

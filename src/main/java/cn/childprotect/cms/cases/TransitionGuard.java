package cn.childprotect.cms.cases;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A condition another module owns that a workflow event must meet, e.g. "a completed risk
 * assessment exists" (assessment) or "no open work order" (referrals), docs/domain.md §4.
 * Implementations are Spring beans that declare the events they concern; the cases module asks
 * them before firing one of those events (rows of {@link CaseTransitions} marked guarded), so
 * dependencies keep pointing toward {@code cases}.
 */
public interface TransitionGuard {

    /** The events this guard has something to say about. */
    Set<CaseEvent> events();

    /**
     * @return the unmet condition as a message key with arguments, for the person who tried;
     *         empty when the event may proceed
     */
    Optional<Unmet> unmetCondition(long caseId, CaseEvent event);

    /** Why an event may not proceed: a message key (or a finished sentence) and its arguments. */
    record Unmet(String key, Object... args) {

        @Override
        public String toString() {
            return key + Arrays.toString(args);
        }
    }
}

package cn.childprotect.cms.cases;

import java.util.Optional;

/**
 * A condition another module owns that a workflow event must meet, e.g. "a completed risk
 * assessment exists" (assessment) or "no open work order" (referrals). Implementations are
 * Spring beans; the cases module asks all of them before firing an event, so dependencies
 * keep pointing toward {@code cases}.
 */
public interface TransitionGuard {

    /**
     * @return the unmet condition, in Chinese, for the person who tried; empty when the event
     *         may proceed (or this guard has nothing to say about it)
     */
    Optional<String> unmetCondition(long caseId, CaseEvent event);
}

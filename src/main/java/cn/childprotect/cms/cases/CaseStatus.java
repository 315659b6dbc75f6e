package cn.childprotect.cms.cases;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §4. */
public enum CaseStatus {
    RECEIVED,
    EMERGENCY,
    ASSESSING,
    HANDLING,
    SUPPORTING,
    PENDING_CLOSURE,
    CLOSED,
    SCREENED_OUT,
    MERGED;

    public String label() {
        return Labels.of(this);
    }

    /** Still needs work: not closed, screened out or merged. */
    public boolean isOpen() {
        return !CaseTransitions.END_STATES.contains(this);
    }
}

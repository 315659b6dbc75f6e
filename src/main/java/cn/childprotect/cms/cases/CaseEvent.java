package cn.childprotect.cms.cases;

import cn.childprotect.cms.shared.Labels;

/** docs/domain.md §4; what each needs is in {@link CaseWorkflow} and {@link CasePermissions}. */
public enum CaseEvent {
    ACCEPT,
    DECLARE_EMERGENCY,
    STABILIZE,
    COMPLETE_ASSESSMENT,
    START_SUPPORT,
    REQUEST_CLOSURE,
    APPROVE_CLOSURE,
    REJECT_CLOSURE,
    SCREEN_OUT,
    MERGE,
    REOPEN;

    public String label() {
        return Labels.of(this);
    }

    /** Events whose reason is recorded on the case and must be given. */
    public boolean needsReason() {
        return CaseTransitions.row(this).reasonNeeded();
    }
}

package cn.childprotect.cms.monitoring;

import cn.childprotect.cms.shared.Labels;

/** The steps of the review chain (docs/domain.md, "The at-risk register"). */
public enum RegisterEvent {
    /** The author sends a returned entry for review again. */
    SUBMIT,
    /** The township supervisor approves an entry or an exit. */
    APPROVE,
    /** The township or the county sends it back, with a reason. */
    RETURN,
    /** The county confirms an entry (it comes into force) or an exit (it ends). */
    CONFIRM,
    /** The village or a supervisor asks for an exit, with a reason from config. */
    REQUEST_EXIT;

    public String label() {
        return Labels.of(this);
    }
}

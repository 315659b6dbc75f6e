package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.Labels;

/** The names of the steps a measure may take; which type takes which, from where, by whom: {@link MeasureSteps}. */
public enum MeasureStep {
    GRANT, REFUSE, RECONSIDER, CONFIRM_REFUSAL, REVIEW, EXTEND, REVOKE, EXPIRE,
    SERVE, CHECK,
    END, CONVERT,
    FILE, HEAR, JUDGE, APPLY_RESTORATION, RESTORE, WITHDRAW,
    LOG, CLOSE;

    public String label() {
        return Labels.of(this);
    }
}

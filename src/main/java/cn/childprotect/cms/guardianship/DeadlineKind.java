package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.Labels;

/** What the stored deadline of a measure is for (docs/domain.md "Guardianship intervention"). */
public enum DeadlineKind {
    /** 人身安全保护令: the court's decision, 72 h / 24 h after filing (反家暴法 art. 28). */
    DECISION,
    /** The 5 days to apply for 复议 after a refusal (art. 31). */
    RECONSIDERATION,
    /** The order's review, 30 days before it ends (ours). */
    REVIEW,
    /** The order ends: record its expiry, extension or revocation. */
    LAPSE,
    /** 告诫书 查访 follow-up check. */
    CHECK,
    /** Review of a 临时监护 or 紧急安置 placement. */
    PLACEMENT_REVIEW,
    /** End of the observation period of a 恢复监护资格 application. */
    OBSERVATION_END;

    public String label() {
        return Labels.of(this);
    }
}

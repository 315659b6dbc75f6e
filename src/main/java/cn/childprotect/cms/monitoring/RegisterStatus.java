package cn.childprotect.cms.monitoring;

import java.util.EnumSet;
import java.util.Set;

import cn.childprotect.cms.shared.Labels;

/**
 * Where an entry stands in the review chain (village → township → county). Until the county
 * confirms it an entry is a draft: only its author and the reviewers see it. Exits go through
 * the same chain while the entry stays in force.
 */
public enum RegisterStatus {
    PENDING_REVIEW, RETURNED, PENDING_CONFIRMATION, ACTIVE, EXIT_PENDING_REVIEW, EXIT_PENDING_CONFIRMATION, EXITED;

    static final Set<RegisterStatus> DRAFTS = EnumSet.of(PENDING_REVIEW, RETURNED, PENDING_CONFIRMATION);

    /** Confirmed and not yet exited: the child is visited on the tier's schedule. */
    public boolean inForce() {
        return this == ACTIVE || this == EXIT_PENDING_REVIEW || this == EXIT_PENDING_CONFIRMATION;
    }

    public boolean isDraft() {
        return DRAFTS.contains(this);
    }

    public String label() {
        return Labels.of(this);
    }
}

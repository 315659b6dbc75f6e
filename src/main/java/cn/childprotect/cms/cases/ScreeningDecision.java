package cn.childprotect.cms.cases;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The screening decision of one case (docs/domain.md §8): response priority and proposal at ACCEPT,
 * the first face-to-face contact it makes due, and a screen-out's reason and referral. One row per
 * case, beside the case row rather than in it, so the workflow's own table stays as it is.
 */
@Entity
@Table(name = "cases_screening")
class ScreeningDecision {

    @Id
    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "proposed_priority")
    private ResponsePriority proposedPriority;

    @Column(name = "proposal_basis")
    private String proposalBasis;

    @Enumerated(EnumType.STRING)
    @Column(name = "response_priority")
    private ResponsePriority responsePriority;

    @Column(name = "override_reason")
    private String overrideReason;

    @Column(name = "accepted_by")
    private String acceptedBy;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "first_contact_due")
    private Instant firstContactDue;

    /** {@link #firstContactDue} while the contact is owed by an open case; the sweep reads it. */
    @Column(name = "contact_pending_due")
    private Instant contactPendingDue;

    @Column(name = "first_contact_at")
    private Instant firstContactAt;

    @Column(name = "first_contact_by")
    private String firstContactBy;

    @Column(name = "first_contact_note")
    private String firstContactNote;

    @Column(name = "screen_out_reason")
    private String screenOutReason;

    @Column(name = "referred_to")
    private String referredTo;

    @Version
    private long version;

    protected ScreeningDecision() {
    }

    ScreeningDecision(long caseId, String villageCode) {
        this.caseId = caseId;
        this.villageCode = villageCode;
    }

    void accept(PriorityProposal proposal, ResponsePriority chosen, String overrideReason, String actor, Instant at,
            Instant firstContactDue) {
        this.proposedPriority = proposal.priority();
        this.proposalBasis = proposal.encodedBasis();
        this.responsePriority = chosen;
        this.overrideReason = overrideReason;
        this.acceptedBy = actor;
        this.acceptedAt = at;
        this.firstContactDue = firstContactDue;
        this.contactPendingDue = firstContactAt == null ? firstContactDue : null;
    }

    void screenOut(String reasonCode, String referredTo) {
        this.screenOutReason = reasonCode;
        this.referredTo = referredTo;
    }

    /** The case ended (screened out, merged, closed): the contact is no longer owed. */
    boolean dropPendingContact() {
        boolean wasPending = contactPendingDue != null;
        contactPendingDue = null;
        return wasPending;
    }

    /** A reopened case that was accepted but never seen owes the contact again, from now. */
    void oweContactAgain(Instant due) {
        if (responsePriority != null && firstContactAt == null) {
            firstContactDue = due;
            contactPendingDue = due;
        }
    }

    void recordFirstContact(Instant at, String actor, String note) {
        this.firstContactAt = at;
        this.firstContactBy = actor;
        this.firstContactNote = note;
        this.contactPendingDue = null;
    }

    long caseId() {
        return caseId;
    }

    String villageCode() {
        return villageCode;
    }

    ResponsePriority proposedPriority() {
        return proposedPriority;
    }

    String proposalBasis() {
        return proposalBasis;
    }

    ResponsePriority responsePriority() {
        return responsePriority;
    }

    String overrideReason() {
        return overrideReason;
    }

    String acceptedBy() {
        return acceptedBy;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant firstContactDue() {
        return firstContactDue;
    }

    Instant contactPendingDue() {
        return contactPendingDue;
    }

    Instant firstContactAt() {
        return firstContactAt;
    }

    String firstContactBy() {
        return firstContactBy;
    }

    String firstContactNote() {
        return firstContactNote;
    }

    String screenOutReason() {
        return screenOutReason;
    }

    String referredTo() {
        return referredTo;
    }
}

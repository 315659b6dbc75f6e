package cn.childprotect.cms.assessment;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A follow-up visit as recorded; never changed afterwards. */
@Entity
@Immutable
@Table(name = "assessment_visit")
class FollowUpVisit {

    enum Type { HOME_VISIT, PHONE, SCHOOL, OTHER }

    enum Safety { SAFE, CONCERNS, IN_DANGER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "case_id")
    private long caseId;

    @Column(name = "visited_on")
    private LocalDate visitedOn;

    @Enumerated(EnumType.STRING)
    private Type type;

    @Column(name = "persons_seen")
    private String personsSeen;

    private String observations;

    @Enumerated(EnumType.STRING)
    private Safety safety;

    @Column(name = "next_steps")
    private String nextSteps;

    @Column(name = "next_due")
    private Instant nextDue;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected FollowUpVisit() {
    }

    FollowUpVisit(long caseId, LocalDate visitedOn, Type type, String personsSeen, String observations, Safety safety,
            String nextSteps, Instant nextDue, String recordedBy, Instant recordedAt) {
        this.caseId = caseId;
        this.visitedOn = visitedOn;
        this.type = type;
        this.personsSeen = personsSeen;
        this.observations = observations;
        this.safety = safety;
        this.nextSteps = nextSteps;
        this.nextDue = nextDue;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    SupportViews.Visit toView() {
        return new SupportViews.Visit(id, visitedOn, type.name(), personsSeen, observations, safety.name(), nextSteps,
                nextDue, recordedBy, recordedAt);
    }
}

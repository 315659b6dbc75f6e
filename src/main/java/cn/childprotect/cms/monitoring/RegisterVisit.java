package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A visit to a registered child as recorded; only the report it filed is added later. */
@Entity
@Table(name = "monitoring_visit")
class RegisterVisit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_id")
    private long entryId;

    @Column(name = "visited_on")
    private LocalDate visitedOn;

    @Enumerated(EnumType.STRING)
    private VisitKind kind;

    @Column(name = "persons_seen")
    private String personsSeen;

    @Column(name = "living_conditions")
    private String livingConditions;

    private String observations;

    @Enumerated(EnumType.STRING)
    private VisitSafety safety;

    private String needs;

    @Column(name = "next_steps")
    private String nextSteps;

    @Column(name = "report_id")
    private Long reportId;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected RegisterVisit() {
    }

    RegisterVisit(long entryId, LocalDate visitedOn, VisitKind kind, String personsSeen, String livingConditions,
            String observations, VisitSafety safety, String needs, String nextSteps, String recordedBy,
            Instant recordedAt) {
        this.entryId = entryId;
        this.visitedOn = visitedOn;
        this.kind = kind;
        this.personsSeen = personsSeen;
        this.livingConditions = livingConditions;
        this.observations = observations;
        this.safety = safety;
        this.needs = needs;
        this.nextSteps = nextSteps;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void filedReport(long newReportId, Long newCaseId) {
        reportId = newReportId;
        caseId = newCaseId;
    }

    Long id() {
        return id;
    }

    long entryId() {
        return entryId;
    }

    LocalDate visitedOn() {
        return visitedOn;
    }

    RegisterViews.Visit toView() {
        return new RegisterViews.Visit(id, visitedOn, kind, personsSeen,
                livingConditions == null ? java.util.List.of()
                        : Arrays.stream(livingConditions.split(",")).filter(s -> !s.isBlank()).toList(),
                observations, safety, needs, nextSteps, reportId, caseId, recordedBy, recordedAt);
    }
}

package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.Role;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;
import org.springframework.data.domain.Persistable;

/** One report as received. The reporter's phone is encrypted; who may see the reporter is decided on read. */
@Entity
@Table(name = "intake_report")
class Report implements Persistable<Long> {

    /**
     * Assigned by IntakeDesk from blocks of the counter {@code id:intake_report} (not AUTO_INCREMENT):
     * the case can be opened with the report's id before the report is stored, so the report is
     * inserted once, with its case, at the flush (README, Performance). Never insert reports with
     * AUTO_INCREMENT ids: they would collide with the blocks.
     */
    @Id
    private Long id;

    /** Spring Data's save() persists a new report (assigned id, no read first) and merges a loaded one. */
    @Transient
    private boolean isNew;

    @Column(name = "receipt_number")
    private String receiptNumber;

    @Enumerated(EnumType.STRING)
    private Channel channel;

    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 100)
    @CollectionTable(name = "intake_report_category", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "category")
    private Set<String> categories = new LinkedHashSet<>();

    /** Open cases of children who may be this report's child; for a supervisor to confirm. */
    @ElementCollection(fetch = FetchType.LAZY)
    @BatchSize(size = 100)
    @CollectionTable(name = "intake_report_possible_duplicate", joinColumns = @JoinColumn(name = "report_id"))
    @Column(name = "case_id")
    private Set<Long> possibleDuplicateCaseIds = new LinkedHashSet<>();

    private boolean urgent;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Column(length = 10_000)
    private String narrative;

    @Column(name = "child_id")
    private long childId;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "linked_to_existing")
    private boolean linkedToExisting;

    @Column(name = "pregnancy_flag")
    private boolean pregnancyFlag;

    /** A child of the same name in the same village was already known (an uncertain match). */
    @Column(name = "possible_duplicate")
    private boolean possibleDuplicate;

    @Column(name = "reporter_anonymous")
    private boolean reporterAnonymous;

    @Column(name = "reporter_name")
    private String reporterName;

    @Column(name = "reporter_phone_cipher")
    private String reporterPhoneCipher;

    @Enumerated(EnumType.STRING)
    @Column(name = "reporter_institution_type")
    private InstitutionType reporterInstitutionType;

    @Column(name = "reporter_institution_name")
    private String reporterInstitutionName;

    @Column(name = "submitted_by")
    private String submittedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "submitted_role")
    private Role submittedRole;

    @Column(name = "police_notified_at")
    private Instant policeNotifiedAt;

    @Column(name = "police_station")
    private String policeStation;

    @Column(name = "police_receipt_number")
    private String policeReceiptNumber;

    /** Set while an MR report still awaits its police notification; cleared when it is recorded. */
    @Column(name = "police_deadline")
    private Instant policeDeadline;

    @Version
    private long version;

    protected Report() {
    }

    Report(long id, String receiptNumber, Channel channel, Set<String> categories, boolean urgent, Instant occurredAt,
            Instant receivedAt, String villageCode, String narrative, long childId, boolean pregnancyFlag,
            String submittedBy, Role submittedRole) {
        this.id = id;
        this.isNew = true;
        this.receiptNumber = receiptNumber;
        this.channel = channel;
        this.categories.addAll(categories);
        this.urgent = urgent;
        this.occurredAt = occurredAt;
        this.receivedAt = receivedAt;
        this.villageCode = villageCode;
        this.narrative = narrative;
        this.childId = childId;
        this.pregnancyFlag = pregnancyFlag;
        this.submittedBy = submittedBy;
        this.submittedRole = submittedRole;
    }

    void reporter(boolean anonymous, String name, String phoneCipher, InstitutionType type, String institution) {
        this.reporterAnonymous = anonymous;
        this.reporterName = name;
        this.reporterPhoneCipher = phoneCipher;
        this.reporterInstitutionType = type;
        this.reporterInstitutionName = institution;
    }

    void attachToCase(long newCaseId, boolean linked) {
        this.caseId = newCaseId;
        this.linkedToExisting = linked;
    }

    void flagPossibleDuplicate(boolean flag) {
        this.possibleDuplicate = flag;
    }

    void policeNotified(Instant at, String station, String receipt) {
        this.policeNotifiedAt = at;
        this.policeStation = station;
        this.policeReceiptNumber = receipt;
        this.policeDeadline = null;
    }

    /** Its case was closed or screened out: the police notification is no longer awaited. */
    void stopAwaitingPolice() {
        this.policeDeadline = null;
    }

    void awaitPoliceNotification(Instant deadline) {
        this.policeDeadline = deadline;
    }

    Long id() { return id; }

    @Override
    public Long getId() {
        return id;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    @PostLoad
    void stored() {
        isNew = false;
    }
    String receiptNumber() { return receiptNumber; }
    Channel channel() { return channel; }
    Set<String> categories() { return Set.copyOf(categories); }
    boolean urgent() { return urgent; }
    Instant occurredAt() { return occurredAt; }
    Instant receivedAt() { return receivedAt; }
    String villageCode() { return villageCode; }
    String narrative() { return narrative; }
    long childId() { return childId; }
    Long caseId() { return caseId; }
    boolean linkedToExisting() { return linkedToExisting; }
    Set<Long> possibleDuplicateCaseIds() { return possibleDuplicateCaseIds; }
    void possibleDuplicates(java.util.Collection<Long> caseIds) { possibleDuplicateCaseIds.addAll(caseIds); }
    boolean pregnancyFlag() { return pregnancyFlag; }
    boolean possibleDuplicate() { return possibleDuplicate; }
    boolean reporterAnonymous() { return reporterAnonymous; }
    String reporterName() { return reporterName; }
    String reporterPhoneCipher() { return reporterPhoneCipher; }
    InstitutionType reporterInstitutionType() { return reporterInstitutionType; }
    String reporterInstitutionName() { return reporterInstitutionName; }
    String submittedBy() { return submittedBy; }
    Role submittedRole() { return submittedRole; }
    Instant policeNotifiedAt() { return policeNotifiedAt; }
    String policeStation() { return policeStation; }
    String policeReceiptNumber() { return policeReceiptNumber; }
    Instant policeDeadline() { return policeDeadline; }
}

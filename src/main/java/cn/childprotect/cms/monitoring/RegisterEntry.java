package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One child's file in the at-risk register (一人一档). Owns its status in the review chain and
 * its visit schedule: {@code visitDueOn} is the date the next visit is due, {@code visitOverdueAt}
 * the stored, indexed instant it becomes overdue (null while the entry is not in force).
 */
@Entity
@Table(name = "monitoring_entry")
class RegisterEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "child_id")
    private long childId;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    private String categories;

    @Column(name = "distress_kinds")
    private String distressKinds;

    @Column(name = "parents_whereabouts")
    private String parentsWhereabouts;

    @Column(name = "caregiver_name")
    private String caregiverName;

    @Column(name = "caregiver_relation")
    private String caregiverRelation;

    /** Encrypted with the people module's key (people.ContactCipher). */
    @Column(name = "caregiver_phone")
    private String caregiverPhone;

    private String household;

    private String school;

    @Enumerated(EnumType.STRING)
    private RegisterTier tier;

    @Enumerated(EnumType.STRING)
    private RegisterStatus status;

    @Column(name = "created_by")
    private String createdBy;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "return_reason")
    private String returnReason;

    @Column(name = "exit_reason")
    private String exitReason;

    @Column(name = "exit_note")
    private String exitNote;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "last_visit_on")
    private LocalDate lastVisitOn;

    @Column(name = "visit_due_on")
    private LocalDate visitDueOn;

    @Column(name = "visit_overdue_at")
    private Instant visitOverdueAt;

    @Column(name = "case_id")
    private Long caseId;

    /** The next birthday that ends a category (16 for 留守, 18 for all): an exit review is due. */
    @Column(name = "age_review_on")
    private LocalDate ageReviewOn;

    @Column(name = "tier_review_on")
    private LocalDate tierReviewOn;

    /** Open review flags, ",AGE_REVIEW,TIER_REVIEW," (the daily job sets them; a review clears them). */
    @Column(name = "review_flags")
    private String reviewFlags;

    protected RegisterEntry() {
    }

    RegisterEntry(long childId, String villageCode, RegisterTier tier, String createdBy, Instant createdAt) {
        this.childId = childId;
        this.villageCode = villageCode;
        this.tier = tier;
        this.status = RegisterStatus.PENDING_REVIEW;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.categories = ",";
    }

    /** Sets the describing fields; returns the names of those that changed (never their values). */
    List<String> describe(List<String> newCategories, List<String> newDistressKinds, String newParentsWhereabouts,
            String newCaregiverName, String newCaregiverRelation, String newCaregiverPhoneCipher,
            boolean caregiverPhoneChanged, String newHousehold, String newSchool) {
        List<String> changed = new ArrayList<>();
        String cats = joined(newCategories);
        if (!cats.equals(categories)) {
            categories = cats;
            changed.add("categories");
        }
        String kinds = newDistressKinds == null || newDistressKinds.isEmpty() ? null : joined(newDistressKinds);
        if (!Objects.equals(kinds, distressKinds)) {
            distressKinds = kinds;
            changed.add("distressKinds");
        }
        if (!Objects.equals(newParentsWhereabouts, parentsWhereabouts)) {
            parentsWhereabouts = newParentsWhereabouts;
            changed.add("parentsWhereabouts");
        }
        if (!Objects.equals(newCaregiverName, caregiverName)) {
            caregiverName = newCaregiverName;
            changed.add("caregiverName");
        }
        if (!Objects.equals(newCaregiverRelation, caregiverRelation)) {
            caregiverRelation = newCaregiverRelation;
            changed.add("caregiverRelation");
        }
        if (caregiverPhoneChanged) {
            caregiverPhone = newCaregiverPhoneCipher;
            changed.add("caregiverPhone");
        }
        if (!Objects.equals(newHousehold, household)) {
            household = newHousehold;
            changed.add("household");
        }
        if (!Objects.equals(newSchool, school)) {
            school = newSchool;
            changed.add("school");
        }
        return changed;
    }

    private static String joined(List<String> codes) {
        return "," + String.join(",", codes.stream().distinct().sorted().toList()) + ",";
    }

    private static List<String> split(String stored) {
        if (stored == null) {
            return List.of();
        }
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    boolean changeTier(RegisterTier newTier) {
        if (newTier == null || newTier == tier) {
            return false;
        }
        tier = newTier;
        return true;
    }

    void moveTo(RegisterStatus next) {
        status = next;
    }

    void returned(String reason) {
        returnReason = reason;
    }

    void exitRequested(String reason, String note) {
        exitReason = reason;
        exitNote = note;
    }

    void exitWithdrawn() {
        exitReason = null;
        exitNote = null;
    }

    void confirmed(Instant at) {
        confirmedAt = at;
        returnReason = null;
    }

    /** Sets the next visit's due date and the stored instant it becomes overdue; null clears both. */
    void visitDue(LocalDate dueOn, Instant overdueAt) {
        visitDueOn = dueOn;
        visitOverdueAt = overdueAt;
    }

    void visited(LocalDate on) {
        if (lastVisitOn == null || on.isAfter(lastVisitOn)) {
            lastVisitOn = on;
        }
    }

    void ageReviewOn(LocalDate on) {
        ageReviewOn = on;
    }

    void tierReviewOn(LocalDate on) {
        tierReviewOn = on;
    }

    void flag(String flag) {
        if (!reviewFlags().contains(flag)) {
            reviewFlags = (reviewFlags == null ? "," : reviewFlags) + flag + ",";
        }
    }

    boolean unflag(String flag) {
        if (!reviewFlags().contains(flag)) {
            return false;
        }
        reviewFlags = reviewFlags.replace("," + flag + ",", ",");
        if (reviewFlags.equals(",")) {
            reviewFlags = null;
        }
        return true;
    }

    List<String> reviewFlags() {
        return split(reviewFlags);
    }

    LocalDate ageReviewOn() {
        return ageReviewOn;
    }

    LocalDate tierReviewOn() {
        return tierReviewOn;
    }

    void linkCase(long newCaseId) {
        caseId = newCaseId;
    }

    Long id() {
        return id;
    }

    long version() {
        return version;
    }

    long childId() {
        return childId;
    }

    String villageCode() {
        return villageCode;
    }

    List<String> categories() {
        return split(categories);
    }

    List<String> distressKinds() {
        return split(distressKinds);
    }

    String parentsWhereabouts() {
        return parentsWhereabouts;
    }

    String caregiverName() {
        return caregiverName;
    }

    String caregiverRelation() {
        return caregiverRelation;
    }

    String caregiverPhoneCipher() {
        return caregiverPhone;
    }

    String household() {
        return household;
    }

    String school() {
        return school;
    }

    RegisterTier tier() {
        return tier;
    }

    RegisterStatus status() {
        return status;
    }

    String createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    String returnReason() {
        return returnReason;
    }

    String exitReason() {
        return exitReason;
    }

    String exitNote() {
        return exitNote;
    }

    Instant confirmedAt() {
        return confirmedAt;
    }

    LocalDate lastVisitOn() {
        return lastVisitOn;
    }

    LocalDate visitDueOn() {
        return visitDueOn;
    }

    Instant visitOverdueAt() {
        return visitOverdueAt;
    }

    Long caseId() {
        return caseId;
    }
}

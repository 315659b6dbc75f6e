package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.ChildSummary;

/** What the register's facade takes and gives: commands in, views out (never entities). */
public final class RegisterViews {

    private RegisterViews() {
    }

    /** A new entry: the child as in reports, where they live, categories from config, the tier. */
    public record NewEntry(ChildData child, String villageCode, List<String> categories, List<String> distressKinds,
            LeftBehind leftBehind, String household, String school, RegisterTier tier) {
    }

    /** 留守: where the parents are and who was entrusted with the child (受委托照护人). */
    public record LeftBehind(String parentsWhereabouts, String caregiverName, String caregiverRelation,
            String caregiverPhone) {
    }

    /** A change (PATCH): null fields stay as they are. */
    public record EntryChange(List<String> categories, List<String> distressKinds, LeftBehind leftBehind,
            String household, String school, RegisterTier tier, String note) {
    }

    public record Transition(RegisterEvent event, String reason, String exitReason) {
    }

    public record NewVisit(LocalDate visitedOn, VisitKind kind, String personsSeen, List<String> livingConditions,
            String observations, VisitSafety safety, String needs, String nextSteps, List<String> reportCategories) {
    }

    /** An entry as its page shows it (the ID number masked; the caregiver's phone shown to those who work it). */
    public record Entry(long id, long version, RegisterStatus status, String statusLabel, ChildSummary child,
            String villageCode, String villageName, List<String> categories, List<String> distressKinds,
            LeftBehind leftBehind, String household, String school, RegisterTier tier, String tierLabel,
            String createdBy, Instant createdAt, String returnReason, String exitReason, String exitNote,
            Instant confirmedAt, LocalDate lastVisitOn, LocalDate nextVisitDue, boolean overdue, Long caseId,
            List<String> reviewFlags, LocalDate tierReviewOn, List<RegisterEvent> allowedEvents) {
    }

    /** A row of a register list. */
    public record Row(long id, long childId, String childLabel, Integer age, String villageCode, String villageName,
            List<String> categories, RegisterTier tier, RegisterStatus status, String statusLabel,
            LocalDate lastVisitOn, LocalDate nextVisitDue, boolean overdue, String createdBy, List<String> reviewFlags) {
    }

    public record Change(long version, Instant at, String actor, String action, RegisterStatus fromStatus,
            RegisterStatus toStatus, List<String> fields, String note) {
    }

    public record Visit(long id, LocalDate visitedOn, VisitKind kind, String personsSeen, List<String> livingConditions,
            String observations, VisitSafety safety, String needs, String nextSteps, Long reportId, Long caseId,
            String recordedBy, Instant recordedAt) {
    }

    /** A visit as recorded, with the entry's new next due date. */
    public record VisitRecorded(Visit visit, LocalDate nextVisitDue, long entryVersion) {
    }

    public record NewCampaign(String name, String scopeCode, List<String> categories, LocalDate startsOn,
            LocalDate endsOn) {
    }

    public record CampaignView(long id, String name, String scopeCode, String scopeName, List<String> categories,
            LocalDate startsOn, LocalDate endsOn, String createdBy, Instant createdAt) {
    }

    /** A village's progress in a campaign: visits done, still due, overdue. */
    public record VillageProgress(String villageCode, String villageName, long total, long done, long due,
            long overdue) {
    }

    /** A register entry as the case page shows it (the case's child is registered). */
    public record CaseRegisterEntry(long entryId, RegisterStatus status, String statusLabel, RegisterTier tier,
            List<String> categories, LocalDate nextVisitDue, boolean overdue) {
    }
}

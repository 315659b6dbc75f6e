package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.people.RelatedChild;

/**
 * The history of involvement of a child and its family (docs/domain.md §8), newest first.
 * {@code masked}: whether the child's name is masked for this viewer; each entry's child likewise.
 * {@code summary} says the counts in a sentence ("12 个月内 4 次报告 ...").
 */
public record ChildHistory(long childId, String childLabel, boolean masked, Counts counts, String summary,
        List<Entry> entries) {

    /** Reports of the last 12 months and in all, cases and open cases, other children of the family. */
    public record Counts(int reportsLast12Months, int reports, int cases, int openCases, int relatedChildren) {
    }

    /**
     * One report, case, register entry or measure; {@code reference} is its receipt or case number
     * (null where the viewer may not know it); {@code outcome} the free-text closing reason, only for
     * those who work the case.
     */
    public record Entry(InvolvementKind kind, String kindLabel, Instant at, long childId, String childLabel,
            boolean masked, RelatedChild.Relation relation, String relationLabel, String reference, Long caseId,
            Set<String> categories, String status, String statusLabel, String outcome) {
    }
}

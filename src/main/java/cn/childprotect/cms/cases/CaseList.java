package cn.childprotect.cms.cases;

import java.util.List;

/**
 * One page of a work list. No list counts its whole scope: {@code total} is exact when
 * {@code totalExact}, else a lower bound ({@link CaseQueries#COUNT_CAP}: shown as "1,000+").
 * {@code hasNext} comes from reading one row more than the page, not from a count; {@code nextKey}
 * (when there is a next page) is where this page ends in the list's order, for the next page to
 * seek to ({@code after}) instead of skipping rows.
 */
public record CaseList(List<CaseListRow> items, int page, int size, boolean hasNext, long total, boolean totalExact,
        String nextKey) {

    public CaseList(List<CaseListRow> items, int page, int size, boolean hasNext, long total, boolean totalExact) {
        this(items, page, size, hasNext, total, totalExact, null);
    }

    public boolean hasPrevious() {
        return page > 0;
    }
}

package cn.childprotect.cms.shared;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.springframework.data.domain.Slice;

/**
 * The total of a paged list without counting its whole scope (issue 19): exact when the page is
 * the last one (its offset plus its rows, which may be more than {@link #CAP}), otherwise counted
 * only up to {@link #CAP}. Beyond the cap the total is {@link #MORE_THAN_CAP}, which no count can
 * be, so that a last page past the cap still says its exact total ({@link #isExact}).
 */
public final class CappedTotal {

    public static final int CAP = 1000;

    /** "More than {@link #CAP}", not a count. A page with it has a next page. */
    public static final long MORE_THAN_CAP = Long.MAX_VALUE;

    private CappedTotal() {
    }

    /**
     * @param moreThanCap whether a {@code CAP + 1}-th row exists (a probe that skips CAP index
     *        entries in the database and returns at most one)
     * @param count the exact count, asked only when there are at most CAP rows
     */
    public static long of(Slice<?> page, BooleanSupplier moreThanCap, LongSupplier count) {
        if (!page.hasNext() && (page.hasContent() || page.getNumber() == 0)) {
            return page.getPageable().isPaged() ? page.getPageable().getOffset() + page.getNumberOfElements()
                    : page.getNumberOfElements();
        }
        return moreThanCap.getAsBoolean() ? MORE_THAN_CAP : count.getAsLong();
    }

    /** The total to show: the count, or {@link #CAP} ("1,000 and more") when it was not counted to the end. */
    public static long shown(long total) {
        return isExact(total) ? total : CAP;
    }

    public static boolean isExact(long total) {
        return total != MORE_THAN_CAP;
    }

    /** For a log line: the count, or "1000+". */
    public static String describe(long total) {
        return isExact(total) ? Long.toString(total) : CAP + "+";
    }
}

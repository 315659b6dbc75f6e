package cn.childprotect.cms.shared;

import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

import org.springframework.data.domain.Slice;

/**
 * The total of a paged list without counting its whole scope (issue 19): exact when the page is
 * the last one (its offset plus its rows), otherwise counted only up to {@link #CAP}. Beyond the
 * cap the total is {@code CAP + 1}, read as "more than 1,000" ({@link #isExact}).
 */
public final class CappedTotal {

    public static final int CAP = 1000;

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
        return moreThanCap.getAsBoolean() ? CAP + 1 : count.getAsLong();
    }

    /** The total to show: at most {@link #CAP}. */
    public static long shown(long total) {
        return Math.min(total, CAP);
    }

    public static boolean isExact(long total) {
        return total <= CAP;
    }
}

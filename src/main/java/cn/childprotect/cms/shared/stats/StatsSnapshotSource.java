package cn.childprotect.cms.shared.stats;

import java.util.Map;
import java.util.Set;

/**
 * Measures that are a state, not things that happened in a period (docs/domain.md, "Statistics"):
 * e.g. the villages of a scope and those with an enabled child director account. The module that
 * knows the state implements this as a bean and counts it live for a scope; indicators of the
 * current year use the count as it is now (there is no history of it, so earlier years and the
 * monthly trend have no value for them).
 */
public interface StatsSnapshotSource {

    /** The measure codes this source counts, e.g. {@code villages.total}. */
    Set<String> measures();

    /** The counts now, in the scope whose division codes start with {@code scopePrefix}. */
    Map<String, Long> countsNow(String scopePrefix);
}

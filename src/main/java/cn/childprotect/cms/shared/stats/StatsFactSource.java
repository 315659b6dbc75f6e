package cn.childprotect.cms.shared.stats;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module's facts for the statistics rollup (docs/domain.md, "Statistics"). The module that owns
 * the things implements this as a bean, reading its own tables; {@code stats} never reads them.
 * <ul>
 * <li>{@link #subjectsAffectedBy(Object)}: every application event is offered to every source; a
 * source answers the ids of its things whose facts may have changed (e.g. a case id for
 * {@code CaseStatusChanged}), so the rollup refreshes that thing's facts.</li>
 * <li>{@link #factsOf(long)}: all facts of one thing as they are now (empty if it is gone). The
 * rollup replaces the thing's earlier facts by these, so a source never subtracts anything.</li>
 * <li>{@link #factsOf(Collection)}: the same for several things at once; the rollup drains its
 * pending things in batches of hundreds, so a source that reads them with a few queries for the
 * whole batch (ids {@code in (...)}) keeps the drain's cost independent of the batch's size.</li>
 * <li>{@link #subjectsAfter(long, int)}: ids in ascending order, for a rebuild from scratch.</li>
 * </ul>
 */
public interface StatsFactSource {

    /** A short stable code, unique among sources (e.g. {@code intake.report}); at most 32 characters. */
    String name();

    /** Ids of this source's things the event may have changed; empty for events of no concern. */
    List<Long> subjectsAffectedBy(Object event);

    List<StatsFact> factsOf(long subjectId);

    /**
     * The facts of each of the things, keyed by id (an id of a thing that is gone maps to an empty
     * list, or is left out). The default asks {@link #factsOf(long)} for each. An
     * {@link IllegalArgumentException} (a thing whose facts cannot be stated) may fail the whole
     * call; the rollup then asks for the things one by one, to skip only the bad one.
     */
    default Map<Long, List<StatsFact>> factsOf(Collection<Long> subjectIds) {
        Map<Long, List<StatsFact>> facts = new LinkedHashMap<>();
        for (Long id : subjectIds) {
            facts.put(id, factsOf(id));
        }
        return facts;
    }

    List<Long> subjectsAfter(long afterId, int limit);
}

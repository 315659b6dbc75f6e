package cn.childprotect.cms.shared.stats;

import java.util.List;

/**
 * A module's facts for the statistics rollup (docs/domain.md, "Statistics"). The module that owns
 * the things implements this as a bean, reading its own tables; {@code stats} never reads them.
 * <ul>
 * <li>{@link #subjectsAffectedBy(Object)}: every application event is offered to every source; a
 * source answers the ids of its things whose facts may have changed (e.g. a case id for
 * {@code CaseStatusChanged}), so the rollup refreshes that thing's facts.</li>
 * <li>{@link #factsOf(long)}: all facts of one thing as they are now (empty if it is gone). The
 * rollup replaces the thing's earlier facts by these, so a source never subtracts anything.</li>
 * <li>{@link #subjectsAfter(long, int)}: ids in ascending order, for a rebuild from scratch.</li>
 * </ul>
 */
public interface StatsFactSource {

    /** A short stable code, unique among sources (e.g. {@code intake.report}); at most 32 characters. */
    String name();

    /** Ids of this source's things the event may have changed; empty for events of no concern. */
    List<Long> subjectsAffectedBy(Object event);

    List<StatsFact> factsOf(long subjectId);

    List<Long> subjectsAfter(long afterId, int limit);
}

package cn.childprotect.cms.shared.deadlines;

import java.util.List;

/**
 * Published by the escalation sweep, in the transaction that raises their township items, for
 * deadlines it has just found missed (each once: a miss is raised at the township once). The
 * moment a passed, unmet deadline becomes known to other modules, e.g. the statistics sources,
 * which count it as late from then on (docs/domain.md, "Statistics"). Ids and codes only.
 */
public record DeadlinesMissed(List<MissedDeadline> missed) {

    public DeadlinesMissed {
        missed = List.copyOf(missed);
    }

    /** The source ids of the misses of one kind (e.g. {@code WORK_ORDER_SIGN}). */
    public List<Long> sourceIdsOf(String... kinds) {
        List<String> wanted = List.of(kinds);
        return missed.stream().filter(m -> wanted.contains(m.kind())).map(MissedDeadline::sourceId).distinct()
                .toList();
    }
}

package cn.childprotect.cms.shared.deadlines;

import java.time.Instant;
import java.util.List;

/**
 * A module's stored deadlines, as the escalation sweep reads them. A module that keeps a deadline
 * (a register visit, a legal time limit of a measure, a first contact) implements this as a bean;
 * the sweep asks every source each minute and raises one escalation per miss and level, so
 * {@code escalations} never depends on the modules that own the deadlines. Read by an index range
 * on the stored due date, oldest first, at most {@code limit} rows: the cost follows the misses,
 * not the table. When the cause is gone, the module publishes {@link DeadlineMet}.
 *
 * <p>The sweep remembers, per source, up to which key every miss is escalated at both levels and
 * where its last read stopped, and reads with {@link #overdueAfter} (docs/domain.md, "Deadlines
 * and escalation"). Override {@link #overdueAfter} with an index range on {@code (due, id)}: a
 * source that implements only {@link #overdue} is read from its oldest miss every time, so more
 * than {@code limit} misses of it can wait.
 */
public interface DeadlineSource {

    List<MissedDeadline> overdue(Instant now, int limit);

    /**
     * The misses after {@code after} in the order (deadline, source id), at most {@code limit}: e.g.
     * {@code where due < :now and (due > :d or (due = :d and id > :id)) order by due, id}.
     * {@link DeadlineKey#START} reads from the oldest. The default filters {@link #overdue}, which
     * cannot see past its first {@code limit} rows.
     */
    default List<MissedDeadline> overdueAfter(Instant now, DeadlineKey after, int limit) {
        return overdue(now, limit).stream().filter(m -> m.key().compareTo(after) > 0).toList();
    }
}

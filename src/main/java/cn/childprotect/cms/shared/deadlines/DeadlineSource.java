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
 */
public interface DeadlineSource {

    List<MissedDeadline> overdue(Instant now, int limit);
}

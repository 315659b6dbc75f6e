package cn.childprotect.cms.shared.deadlines;

/**
 * Published (in the transaction that meets or cancels it) when a deadline a {@link DeadlineSource}
 * reported is no longer missed: the visit was made, the measure decided. Open escalations of that
 * kind and source resolve themselves; {@code reasonKey} is a message key (bundle {@code messages})
 * saying why, shown to supervisors.
 */
public record DeadlineMet(String kind, long sourceId, String reasonKey) {
}

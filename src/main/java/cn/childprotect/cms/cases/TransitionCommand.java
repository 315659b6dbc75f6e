package cn.childprotect.cms.cases;

/**
 * A workflow event as a person fires it; {@code mergeInto} only for MERGE. For ACCEPT,
 * {@code responsePriority} (null: the system's proposal is taken) and {@code overrideReason} (required
 * when it differs from the proposal); for SCREEN_OUT, {@code screenOutReason} (a configured code; null
 * is recorded as OTHER) and {@code referredTo} (where the caller was sent, optional). docs/domain.md §8.
 */
public record TransitionCommand(CaseEvent event, String note, String reason, Long mergeInto,
        ResponsePriority responsePriority, String overrideReason, String screenOutReason, String referredTo) {

    /** The command as it was before screening (issue 15): older callers keep compiling and working. */
    public TransitionCommand(CaseEvent event, String note, String reason, Long mergeInto) {
        this(event, note, reason, mergeInto, null, null, null, null);
    }
}

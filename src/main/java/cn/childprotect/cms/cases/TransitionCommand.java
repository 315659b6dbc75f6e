package cn.childprotect.cms.cases;

/**
 * A workflow event as a person fires it; {@code mergeInto} only for MERGE. For ACCEPT,
 * {@code responsePriority} (null: the system's proposal is taken) and {@code overrideReason} (required
 * when it differs from the proposal); for SCREEN_OUT, {@code screenOutReason} (a configured code; null
 * is recorded as OTHER) and {@code referredTo} (where the caller was sent, optional). docs/domain.md §8.
 * {@code systemReason} and {@code systemNote}: a reason or note the system gives (not a person), as a
 * message shown in the reader's language, instead of {@code reason} or {@code note}; a system reason
 * is a key without arguments (the case keeps only its key).
 */
public record TransitionCommand(CaseEvent event, String note, String reason, Long mergeInto,
        ResponsePriority responsePriority, String overrideReason, String screenOutReason, String referredTo,
        SystemText systemReason, SystemText systemNote) {

    public TransitionCommand {
        if (systemReason != null && !systemReason.args().isEmpty()) {
            throw new IllegalArgumentException("a system reason is a message key without arguments");
        }
    }

    /** A command of a person, without a system reason or note. */
    public TransitionCommand(CaseEvent event, String note, String reason, Long mergeInto,
            ResponsePriority responsePriority, String overrideReason, String screenOutReason, String referredTo) {
        this(event, note, reason, mergeInto, responsePriority, overrideReason, screenOutReason, referredTo, null, null);
    }

    /** An event the system fires for a reason or with a note of its own (see above). */
    public static TransitionCommand bySystem(CaseEvent event, SystemText systemReason, SystemText systemNote,
            Long mergeInto) {
        return new TransitionCommand(event, null, null, mergeInto, null, null, null, null, systemReason, systemNote);
    }

    /** The command as it was before screening (issue 15): older callers keep compiling and working. */
    public TransitionCommand(CaseEvent event, String note, String reason, Long mergeInto) {
        this(event, note, reason, mergeInto, null, null, null, null);
    }
}

package cn.childprotect.cms.cases;

import static cn.childprotect.cms.cases.CaseEvent.ACCEPT;
import static cn.childprotect.cms.cases.CaseEvent.APPROVE_CLOSURE;
import static cn.childprotect.cms.cases.CaseEvent.COMPLETE_ASSESSMENT;
import static cn.childprotect.cms.cases.CaseEvent.DECLARE_EMERGENCY;
import static cn.childprotect.cms.cases.CaseEvent.MERGE;
import static cn.childprotect.cms.cases.CaseEvent.REJECT_CLOSURE;
import static cn.childprotect.cms.cases.CaseEvent.REOPEN;
import static cn.childprotect.cms.cases.CaseEvent.REQUEST_CLOSURE;
import static cn.childprotect.cms.cases.CaseEvent.SCREEN_OUT;
import static cn.childprotect.cms.cases.CaseEvent.STABILIZE;
import static cn.childprotect.cms.cases.CaseEvent.START_SUPPORT;
import static cn.childprotect.cms.cases.CaseStatus.ASSESSING;
import static cn.childprotect.cms.cases.CaseStatus.CLOSED;
import static cn.childprotect.cms.cases.CaseStatus.EMERGENCY;
import static cn.childprotect.cms.cases.CaseStatus.HANDLING;
import static cn.childprotect.cms.cases.CaseStatus.MERGED;
import static cn.childprotect.cms.cases.CaseStatus.PENDING_CLOSURE;
import static cn.childprotect.cms.cases.CaseStatus.RECEIVED;
import static cn.childprotect.cms.cases.CaseStatus.SCREENED_OUT;
import static cn.childprotect.cms.cases.CaseStatus.SUPPORTING;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The one transition table of the case workflow, docs/domain.md §4: for each event the states it
 * leaves, the state it enters, who may fire it, whether a reason is required and whether other
 * modules' guards apply (each {@link TransitionGuard} declares its events). Everything else is
 * derived from it: the state machine of {@link CaseWorkflow}, the permissions of
 * {@link CasePermissions}, {@link CaseEvent#needsReason()}, the end states ({@link CaseStatus#isOpen()})
 * and the allowed events of the case detail.
 */
public final class CaseTransitions {

    /** Who may fire an event, besides the supervisor whose scope contains the case (who may fire every one). */
    public enum Who {
        /** Only a supervisor in scope. */
        SUPERVISOR,
        /** A supervisor in scope or the assigned child director. */
        WORKER
    }

    public record Row(Set<CaseStatus> from, CaseEvent event, CaseStatus to, Who who, boolean reasonNeeded,
            boolean guarded) {

        public Row {
            from = Collections.unmodifiableSet(EnumSet.copyOf(from));
        }
    }

    public static final List<Row> TABLE = List.of(
            new Row(EnumSet.of(RECEIVED), ACCEPT, ASSESSING, Who.SUPERVISOR, false, false),
            new Row(EnumSet.of(RECEIVED, ASSESSING, HANDLING, SUPPORTING), DECLARE_EMERGENCY, EMERGENCY, Who.WORKER,
                    false, false),
            new Row(EnumSet.of(EMERGENCY), STABILIZE, ASSESSING, Who.WORKER, false, false),
            new Row(EnumSet.of(ASSESSING), COMPLETE_ASSESSMENT, HANDLING, Who.WORKER, false, true),
            new Row(EnumSet.of(HANDLING), START_SUPPORT, SUPPORTING, Who.WORKER, false, true),
            new Row(EnumSet.of(HANDLING, SUPPORTING), REQUEST_CLOSURE, PENDING_CLOSURE, Who.WORKER, true, true),
            new Row(EnumSet.of(PENDING_CLOSURE), APPROVE_CLOSURE, CLOSED, Who.SUPERVISOR, false, false),
            new Row(EnumSet.of(PENDING_CLOSURE), REJECT_CLOSURE, SUPPORTING, Who.SUPERVISOR, true, false),
            new Row(EnumSet.of(RECEIVED, ASSESSING), SCREEN_OUT, SCREENED_OUT, Who.SUPERVISOR, true, true),
            new Row(EnumSet.of(RECEIVED), MERGE, MERGED, Who.SUPERVISOR, false, true),
            new Row(EnumSet.of(CLOSED, SCREENED_OUT), REOPEN, ASSESSING, Who.SUPERVISOR, true, false));

    /** The states in which a case's work is over (it may still be reopened from some of them). */
    public static final Set<CaseStatus> END_STATES = Collections.unmodifiableSet(EnumSet.of(CLOSED, SCREENED_OUT,
            MERGED));

    private CaseTransitions() {
    }

    public static Row row(CaseEvent event) {
        return TABLE.stream().filter(r -> r.event() == event).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No row for " + event));
    }

    /** The states a case is worked in: everything but the end states. */
    public static Set<CaseStatus> openStates() {
        return Collections.unmodifiableSet(EnumSet.complementOf(EnumSet.copyOf(END_STATES)));
    }
}

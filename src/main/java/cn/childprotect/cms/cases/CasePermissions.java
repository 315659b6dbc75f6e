package cn.childprotect.cms.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

/**
 * Who may see and change a case (docs/domain.md §2, issue "who may fire what"): a SUPERVISOR whose
 * scope contains the case's village, and the CHILD_DIRECTOR the case is assigned to. Some
 * events are decisions only a supervisor takes.
 */
final class CasePermissions {

    /** Derived from the transition table: the events whose row says only a supervisor fires them. */
    static final Set<CaseEvent> SUPERVISOR_ONLY = CaseTransitions.TABLE.stream()
            .filter(r -> r.who() == CaseTransitions.Who.SUPERVISOR).map(CaseTransitions.Row::event)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(CaseEvent.class)));

    private CasePermissions() {
    }

    static boolean isSupervisorOf(CurrentUser user, CaseFile file) {
        return user.is(Role.SUPERVISOR) && user.covers(file.villageCode());
    }

    static boolean isAssignedDirector(CurrentUser user, CaseFile file) {
        return user.is(Role.CHILD_DIRECTOR) && user.username().equals(file.assignee()) && user.covers(file.villageCode());
    }

    /** Works the case: may read the file and see the child unmasked. */
    static boolean works(CurrentUser user, CaseFile file) {
        return isSupervisorOf(user, file) || isAssignedDirector(user, file);
    }

    static boolean mayFire(CurrentUser user, CaseFile file, CaseEvent event) {
        if (isSupervisorOf(user, file)) {
            return true;
        }
        return isAssignedDirector(user, file) && !SUPERVISOR_ONLY.contains(event);
    }
}

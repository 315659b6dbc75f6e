package cn.childprotect.cms.cases;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.users.CurrentUser;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
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

    /**
     * {@link #works} as a query condition, for rows already limited to the caller's scope: a
     * supervisor works every case in its scope, a child director those assigned to it, nobody
     * else any. A free-text search matches the child only on rows this admits (issue 18: a
     * caller who sees the name masked must not confirm it by searching).
     */
    static Predicate worksInScope(CurrentUser user, Root<CaseFile> root, CriteriaBuilder cb) {
        if (user.is(Role.SUPERVISOR)) {
            return cb.conjunction();
        }
        if (user.is(Role.CHILD_DIRECTOR)) {
            return cb.equal(root.get("assignee"), user.username());
        }
        return cb.disjunction();
    }

    static boolean mayFire(CurrentUser user, CaseFile file, CaseEvent event) {
        if (isSupervisorOf(user, file)) {
            return true;
        }
        return isAssignedDirector(user, file) && !SUPERVISOR_ONLY.contains(event);
    }
}

package cn.childprotect.cms.users.events;

import java.util.Set;

/**
 * An account's access was cut back or changed: whatever it was allowed before (browser
 * sessions, API credentials) must not outlive the change. Published inside the changing
 * transaction; listeners act after commit.
 *
 * @param username the account
 * @param changes what changed
 * @param actor who changed it ({@code system} for the lock-out after failed logins)
 */
public record UserAccessChanged(String username, Set<Change> changes, String actor) {

    public enum Change {
        DISABLED, LOCKED, ROLE_CHANGED, JURISDICTION_CHANGED, BINDING_CHANGED, PASSWORD_RESET
    }
}

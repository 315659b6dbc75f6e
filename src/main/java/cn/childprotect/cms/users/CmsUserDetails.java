package cn.childprotect.cms.users;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The principal. Serializable, because the browser's session is kept in the database; the
 * password hash is erased after authentication so it never reaches the session table.
 */
final class CmsUserDetails implements UserDetails, CredentialsContainer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final boolean enabled;
    private final boolean nonLocked;
    private final boolean hadFailedLogins;
    private String passwordHash;

    CmsUserDetails(CurrentUser user, String passwordHash, boolean enabled, boolean nonLocked,
            boolean hadFailedLogins) {
        this.user = user;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.nonLocked = nonLocked;
        this.hadFailedLogins = hadFailedLogins;
    }

    /** Lets a successful login skip the counter reset (a write) when there is nothing to reset. */
    boolean hadFailedLogins() {
        return hadFailedLogins;
    }

    CurrentUser user() {
        return user;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(user.role().authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return user.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public boolean isAccountNonLocked() {
        return nonLocked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}

package cn.childprotect.cms.users;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Reads the caller from the security context; controllers pass the result to facades. */
@Component
public class CurrentUsers {

    public CurrentUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof CmsUserDetails details) {
            return details.user();
        }
        throw new AuthenticationCredentialsNotFoundException("no authenticated CMS user");
    }
}

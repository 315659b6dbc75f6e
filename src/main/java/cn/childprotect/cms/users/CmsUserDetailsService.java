package cn.childprotect.cms.users;

import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class CmsUserDetailsService implements UserDetailsService {

    private final UserAccounts accounts;
    private final BusinessTime time;

    CmsUserDetailsService(UserAccounts accounts, BusinessTime time) {
        this.accounts = accounts;
        this.time = time;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        return new CmsUserDetails(account.toCurrentUser(), account.passwordHash(), account.enabled(),
                !account.isLockedAt(time.now()), account.failedLogins() > 0);
    }
}

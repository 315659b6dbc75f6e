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
    private final LoginThrottle throttle;

    CmsUserDetailsService(UserAccounts accounts, BusinessTime time, LoginThrottle throttle) {
        this.accounts = accounts;
        this.time = time;
        this.throttle = throttle;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> new UsernameNotFoundException("unknown user"));
        // a blocked address or (account, address) pair is refused before the password is checked
        boolean throttled = throttle.isBlocked(username, LoginThrottle.clientAddress());
        // a machine account has no usable password: it authenticates with API keys only
        return new CmsUserDetails(account.toCurrentUser(), account.passwordHash(),
                account.enabled() && !account.machine(), !account.isLockedAt(time.now()) && !throttled,
                account.failedLogins() > 0 || throttled);
    }
}

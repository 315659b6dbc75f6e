package cn.childprotect.cms.users;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.security.*}: the login throttle and lockout (docs/domain.md, accounts) and the
 * password policy's minimum length. The defaults are production's; application-test.yml raises
 * the per-address and per-account limits for the suite.
 */
@Validated
@ConfigurationProperties("cms.security")
record AccountSecurityProperties(
        /** failures of one account from one client address before that address is blocked for it */
        @DefaultValue("5") @Min(1) int maxFailedLogins,
        /** failures from one client address (any accounts) before it is blocked */
        @DefaultValue("20") @Min(1) int maxFailedLoginsPerAddress,
        /** failures of one account from all addresses before the account itself is locked */
        @DefaultValue("50") @Min(1) int maxFailedLoginsPerAccount,
        @DefaultValue("15m") @NotNull Duration failedLoginWindow,
        @DefaultValue("15m") @NotNull Duration lockout,
        @DefaultValue("10") @Min(1) int passwordMinLength) {
}

package cn.childprotect.cms.users;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.security.*}: the login throttle and lockout (docs/domain.md, accounts), the
 * password policy's minimum length, and how long a matched password is remembered. The defaults are production's; application-test.yml raises
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
        @DefaultValue("10") @Min(1) int passwordMinLength,
        /**
         * how long a password that matched its account's hash is remembered (per instance, as a keyed
         * HMAC, never the password), so that HTTP Basic clients do not cost a bcrypt check on every
         * request; 0 turns it off
         */
        @DefaultValue("5m") @NotNull Duration passwordCheckMemory) {
}

package cn.childprotect.cms.users;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Throttles password guessing without handing anyone a way to lock a supervisor out:
 * <ul>
 * <li>an account tried from one client address: after {@code max-failed-logins} (5) failures
 * within the window that address may not log in to that account for {@code lockout} (15 min);
 * the account stays usable from everywhere else;</li>
 * <li>a client address: after {@code max-failed-logins-per-address} (20) failures on any
 * accounts within the window it may not log in at all for {@code lockout};</li>
 * <li>the account as a whole only after {@code max-failed-logins-per-account} (50) failures from
 * all addresses (see {@link LoginAttempts}) — that needs many addresses, and ends by time too.</li>
 * </ul>
 * Counters live in the database so that all instances count together; blocks end by time and
 * an administrator's unlock clears them.
 */
@Component
class LoginThrottle {

    /** What a failure led to. */
    enum Outcome { COUNTED, ACCOUNT_ADDRESS_BLOCKED, ADDRESS_BLOCKED }

    private final JdbcTemplate jdbc;
    private final BusinessTime time;
    private final int maxPerAccountAndAddress;
    private final int maxPerAddress;
    private final Duration window;
    private final Duration lockout;

    @Autowired
    LoginThrottle(JdbcTemplate jdbc, BusinessTime time, AccountSecurityProperties security) {
        this(jdbc, time, security.maxFailedLogins(), security.maxFailedLoginsPerAddress(),
                security.failedLoginWindow(), security.lockout());
    }

    /** With thresholds of its own (LoginThrottleTests). */
    LoginThrottle(JdbcTemplate jdbc, BusinessTime time, int maxPerAccountAndAddress, int maxPerAddress,
            Duration window, Duration lockout) {
        this.jdbc = jdbc;
        this.time = time;
        this.maxPerAccountAndAddress = maxPerAccountAndAddress;
        this.maxPerAddress = maxPerAddress;
        this.window = window;
        this.lockout = lockout;
    }

    Duration lockout() {
        return lockout;
    }

    /** The client address of the current request, or null outside a request. */
    static String clientAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }

    boolean isBlocked(String username, String address) {
        if (address == null) {
            return false;
        }
        List<String> keys = username == null ? List.of(addressKey(address))
                : List.of(addressKey(address), accountKey(username, address));
        Integer blocked = jdbc.queryForObject("select count(*) from users_login_throttle where throttle_key in ("
                + String.join(",", keys.stream().map(k -> "?").toList()) + ") and blocked_until > ?", Integer.class,
                append(keys.toArray(), Timestamp.from(time.now())));
        return blocked != null && blocked > 0;
    }

    boolean isAddressBlocked(String address) {
        return isBlocked(null, address);
    }

    /** Counts one failed login; the caller audits what it led to. */
    Outcome recordFailure(String username, String address) {
        if (address == null) {
            return Outcome.COUNTED;
        }
        Outcome outcome = Outcome.COUNTED;
        if (username != null && count(accountKey(username, address), maxPerAccountAndAddress)) {
            outcome = Outcome.ACCOUNT_ADDRESS_BLOCKED;
        }
        if (count(addressKey(address), maxPerAddress)) {
            outcome = Outcome.ADDRESS_BLOCKED;
        }
        return outcome;
    }

    /** A successful login from this address ends the account's count there. */
    void recordSuccess(String username, String address) {
        if (address != null) {
            jdbc.update("delete from users_login_throttle where throttle_key = ?", accountKey(username, address));
        }
    }

    /** An administrator's unlock: every address may try this account again. */
    void clear(String username) {
        jdbc.update("delete from users_login_throttle where throttle_key like ?", "u|" + escape(username) + "|%");
    }

    /** Adds a failure; true if this one crossed the threshold and started a block. */
    private boolean count(String key, int threshold) {
        Instant now = time.now();
        Timestamp windowStart = Timestamp.from(now.minus(window));
        // failures is assigned first: MySQL evaluates SET left to right, and the second CASE reads
        // only window_started_at, so both orders of evaluation give the same row
        int updated = jdbc.update("""
                update users_login_throttle
                   set failures = case when window_started_at < ? then 1 else failures + 1 end,
                       window_started_at = case when window_started_at < ? then ? else window_started_at end
                 where throttle_key = ?""", windowStart, windowStart, Timestamp.from(now), key);
        if (updated == 0) {
            try {
                jdbc.update("insert into users_login_throttle (throttle_key, failures, window_started_at) values (?, 1, ?)",
                        key, Timestamp.from(now));
            }
            catch (DuplicateKeyException raced) {
                return count(key, threshold);
            }
        }
        return jdbc.update("""
                update users_login_throttle set blocked_until = ?, failures = 0
                 where throttle_key = ? and failures >= ?""", Timestamp.from(now.plus(lockout)), key, threshold) > 0;
    }

    private static String addressKey(String address) {
        return "a|" + address;
    }

    private static String accountKey(String username, String address) {
        String key = "u|" + username + "|" + address;
        return key.length() > 200 ? key.substring(0, 200) : key;
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Object[] append(Object[] values, Object last) {
        Object[] all = java.util.Arrays.copyOf(values, values.length + 1);
        all[values.length] = last;
        return all;
    }
}

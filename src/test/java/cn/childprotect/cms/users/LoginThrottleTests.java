package cn.childprotect.cms.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The throttle's rules with small thresholds of its own, against the real table. */
class LoginThrottleTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    BusinessTime time;

    @Autowired
    MutableClock clock;

    private LoginThrottle throttle() {
        return new LoginThrottle(jdbc, time, 3, 5, Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    private static String address() {
        return "10.88." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "-" + UUID.randomUUID();
    }

    @Test
    void anAccountIsBlockedOnlyAtTheAddressThatGuessed() {
        LoginThrottle throttle = throttle();
        String guesser = address();
        String owner = address();
        assertThat(throttle.recordFailure("victim-a", guesser)).isEqualTo(LoginThrottle.Outcome.COUNTED);
        assertThat(throttle.recordFailure("victim-a", guesser)).isEqualTo(LoginThrottle.Outcome.COUNTED);
        assertThat(throttle.recordFailure("victim-a", guesser)).isEqualTo(LoginThrottle.Outcome.ACCOUNT_ADDRESS_BLOCKED);
        assertThat(throttle.isBlocked("victim-a", guesser)).isTrue();
        assertThat(throttle.isBlocked("victim-a", owner)).isFalse();
        assertThat(throttle.isBlocked("someone-else", guesser)).isFalse();
        throttle.clear("victim-a");
        assertThat(throttle.isBlocked("victim-a", guesser)).isFalse();
    }

    @Test
    void anAddressTryingManyAccountsIsBlockedForAll() {
        LoginThrottle throttle = throttle();
        String sprayer = address();
        for (int i = 0; i < 4; i++) {
            assertThat(throttle.recordFailure("spray-" + i, sprayer)).isEqualTo(LoginThrottle.Outcome.COUNTED);
        }
        assertThat(throttle.recordFailure("spray-4", sprayer)).isEqualTo(LoginThrottle.Outcome.ADDRESS_BLOCKED);
        assertThat(throttle.isBlocked("anyone", sprayer)).isTrue();
        assertThat(throttle.isAddressBlocked(address())).isFalse();
    }

    @Test
    void blocksAndCountsEndByTime() {
        LoginThrottle throttle = throttle();
        String guesser = address();
        try {
            for (int i = 0; i < 2; i++) {
                throttle.recordFailure("victim-b", guesser);
            }
            clock.advance(Duration.ofMinutes(16));
            // the window has passed: the count starts again
            assertThat(throttle.recordFailure("victim-b", guesser)).isEqualTo(LoginThrottle.Outcome.COUNTED);
            throttle.recordFailure("victim-b", guesser);
            assertThat(throttle.recordFailure("victim-b", guesser)).isEqualTo(LoginThrottle.Outcome.ACCOUNT_ADDRESS_BLOCKED);
            assertThat(throttle.isBlocked("victim-b", guesser)).isTrue();
            clock.advance(Duration.ofMinutes(16));
            assertThat(throttle.isBlocked("victim-b", guesser)).isFalse();
        }
        finally {
            clock.reset();
        }
    }
}

package cn.childprotect.cms.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic with a remembered password ({@link RememberingPasswordEncoder}): what the account
 * says still decides at once. A disabled account is refused although its password was matched a
 * moment ago, and after a reset only the new password works.
 */
class BasicCredentialMemoryTests extends IntegrationTest {

    @Autowired
    UserDirectory users;

    @Autowired
    PasswordEncoder passwords;

    @Test
    void theServiceRemembersMatchedPasswordsButTheAccountDecides() {
        assertThat(passwords).isInstanceOf(RememberingPasswordEncoder.class);
        String username = "basicmem" + ThreadLocalRandom.current().nextInt(1_000_000);
        users.create(new NewUser(username, "学校 测试老师（城关小学）", "a-Long-pass-123", Role.REPORTER, "141029100001",
                InstitutionType.SCHOOL, "城关小学", null, null), "admin");

        assertThat(me(username, "a-Long-pass-123")).isEqualTo(200);
        assertThat(me(username, "a-Long-pass-123")).isEqualTo(200); // remembered
        assertThat(me(username, "a-Long-pass-124")).isEqualTo(401);

        users.update(username, new UserChange(null, null, null, null, null, null, null, false, null, null), "admin");
        assertThat(me(username, "a-Long-pass-123")).as("disabled, although the password was matched").isEqualTo(401);

        users.update(username, new UserChange(null, null, null, null, null, null, null, true, "b-New-pass-456", null),
                "admin");
        assertThat(me(username, "a-Long-pass-123")).as("the old password after a reset").isEqualTo(401);
        assertThat(me(username, "b-New-pass-456")).isEqualTo(200);
    }

    private int me(String username, String password) {
        return mvc.get().uri("/api/v1/me").header("Authorization", basic(username, password)).exchange().getResponse()
                .getStatus();
    }
}

package cn.childprotect.cms.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserChange;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The indicator "share of villages with an active child director account" (issue 14 item 3), over
 * the seeded county: township 2 (光华镇, 141029101000) has three villages; director2 works 光华村
 * (141029101001), the other two have no director (no other test gives them one).
 */
class DirectorCoverageTests extends IntegrationTest {

    static final String TOWNSHIP_2 = "141029101000";

    @Autowired
    UserDirectory users;

    double coverage() {
        java.util.List<Number> values = read(api().as("supervisor2").get("/api/v1/stats/indicators?scope=" + TOWNSHIP_2),
                "$.indicators[?(@.code=='VILLAGES_WITH_DIRECTOR')].actual");
        assertThat(values).hasSize(1);
        return values.get(0).doubleValue();
    }

    @Test
    void oneOfThreeVillagesUntilASecondGetsAnEnabledDirectorAndBackWhenItIsDisabled() {
        assertThat(coverage()).isCloseTo(1.0 / 3, within(1e-9));

        String username = "cover" + UUID.randomUUID().toString().substring(0, 6);
        users.create(new NewUser(username, "覆盖测试", "Cover-test-pass-2026", Role.CHILD_DIRECTOR, "141029101002", null,
                null, null, null), "admin");
        assertThat(coverage()).isCloseTo(2.0 / 3, within(1e-9));

        users.update(username, new UserChange(null, null, null, null, null, null, null, false, null, null), "admin");
        assertThat(coverage()).isCloseTo(1.0 / 3, within(1e-9));

        // the county's six villages, two of them with demo directors, and the name in both languages
        assertThat(api().as("county1").get("/api/v1/stats/indicators")).bodyJson()
                .extractingPath("$.indicators[?(@.code=='VILLAGES_WITH_DIRECTOR')].name").asArray()
                .containsExactly("有儿童主任账号的村（居）占比");
    }
}

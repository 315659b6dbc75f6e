package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.Test;

/**
 * Says which database the suite ran against; when CI demands a real server
 * ({@code CMS_REQUIRE_REAL_DB=true}), fails if the suite would have run on the embedded H2.
 */
class DatabaseBackendTests {

    @Test
    void reportsTheDatabaseAndHonoursTheRequirement() {
        TestDatabase database = TestDatabase.get();
        System.out.println("[test-database] " + database.describe());
        if ("true".equals(System.getenv("CMS_REQUIRE_REAL_DB"))) {
            assertThat(database.kind()).isNotEqualTo(TestDatabase.Kind.EMBEDDED_H2);
            assertThat(database.serverVersion()).containsAnyOf("MySQL", "MariaDB");
        }
    }
}

package cn.childprotect.cms.foundation;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Flyway scripts ran to the end on this database (the context starting proves Hibernate's
 * {@code ddl-auto=validate} agrees with them), and the seed data of config/ is in place.
 */
class MigrationTests extends IntegrationTest {

    @Autowired
    Flyway flyway;

    @Autowired
    DataSource dataSource;

    @Test
    void everyMigrationIsApplied() {
        var info = flyway.info();
        assertThat(info.pending()).isEmpty();
        assertThat(info.applied()).isNotEmpty().allSatisfy(m -> assertThat(m.getState().isFailed()).isFalse());
        System.out.println("[test-database] " + info.applied().length + " migrations applied on "
                + TestDatabase.get().describe());
    }

    @Test
    void seedDataIsLoaded() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        assertThat(jdbc.queryForObject("select count(*) from jurisdictions_division where code like '141029%'",
                Integer.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("select count(*) from agencies_agency", Integer.class)).isGreaterThanOrEqualTo(13);
        assertThat(jdbc.queryForObject("select name from agencies_agency where code = 'XN-PS'", String.class))
                .isEqualTo("乡宁县公安局");
    }
}

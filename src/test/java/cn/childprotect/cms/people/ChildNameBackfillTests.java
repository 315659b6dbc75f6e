package cn.childprotect.cms.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Children recorded before the name index existed get their keys at start, and a start checks
 * only the children above the marker (issue 19: no anti-join over a million children each time).
 */
class ChildNameBackfillTests extends IntegrationTest {

    @Autowired
    ChildNameIndex index;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aChildWithoutKeysGetsThemAndAStartChecksOnlyChildrenAboveTheMarker() {
        // recorded as before the index existed: a row without keys
        String name = TestIds.uniqueName();
        jdbc.update("insert into people_child (name, sex, identity_unknown, village_code, created_at, version) "
                + "values (?, 'MALE', false, '141029100001', ?, 0)", name, Timestamp.from(Instant.now()));
        long id = jdbc.queryForObject("select max(id) from people_child where name = ?", Long.class, name);
        assertThat(keys(id)).isZero();

        index.backfill();
        assertThat(keys(id)).isEqualTo(ChildNameIndex.keys(name).size());
        assertThat(checkedThrough()).isGreaterThanOrEqualTo(id);

        // below the marker a child is not looked at again: a start reads no child it has checked
        jdbc.update("delete from people_child_name_key where child_id = ?", id);
        index.backfill();
        assertThat(keys(id)).isZero();

        // a marker behind (a fresh install: 0) walks from there, and the child gets its keys back
        jdbc.update("update people_child_name_backfill set checked_through = ? where id = 1", id - 1);
        index.backfill();
        assertThat(keys(id)).isEqualTo(ChildNameIndex.keys(name).size());
        assertThat(checkedThrough()).isGreaterThanOrEqualTo(id);
    }

    private int keys(long childId) {
        return jdbc.queryForObject("select count(*) from people_child_name_key where child_id = ?", Integer.class,
                childId);
    }

    private long checkedThrough() {
        return jdbc.queryForObject("select checked_through from people_child_name_backfill where id = 1", Long.class);
    }
}

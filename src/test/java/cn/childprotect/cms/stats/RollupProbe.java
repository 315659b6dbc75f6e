package cn.childprotect.cms.stats;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the drain tests share: holding the rollup's lock (so the scheduled drain cannot take the
 * rows a test counts) and counting a test's own pending marks and stored facts.
 */
final class RollupProbe {

    private final JdbcTemplate jdbc;
    private final LockProvider locks;

    RollupProbe(JdbcTemplate jdbc, LockProvider locks) {
        this.jdbc = jdbc;
        this.locks = locks;
    }

    /** The drain's lock, once the scheduled drain has let it go; unlock it in a finally. */
    SimpleLock holdDrainLock() {
        return Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> locks.lock(new LockConfiguration(Instant.now(), StatsRollup.LOCK, Duration.ofMinutes(10),
                        Duration.ZERO)), Optional::isPresent)
                .orElseThrow();
    }

    /** How many of the subjects have a pending mark of the source. */
    long pending(String source, List<Long> subjects) {
        return count("select count(distinct subject_id) from stats_pending where source = ?", source, List.of(), subjects);
    }

    /** How many facts of the measure the source's subjects have stored. */
    long facts(String source, String measure, List<Long> subjects) {
        return count("select count(*) from stats_fact where source = ? and measure = ?", source, List.of(measure),
                subjects);
    }

    private long count(String sql, String source, List<Object> more, List<Long> subjects) {
        List<Object> params = new ArrayList<>();
        params.add(source);
        params.addAll(more);
        params.addAll(subjects);
        return jdbc.queryForObject(sql + " and subject_id in (" + String.join(", ", Collections.nCopies(subjects.size(), "?"))
                + ")", Long.class, params.toArray());
    }
}

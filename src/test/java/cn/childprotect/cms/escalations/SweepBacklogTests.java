package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.childprotect.cms.shared.deadlines.DeadlineKey;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: a backlog larger than the per-source cap is escalated in turns (ceil(backlog / cap)
 * sweeps per level), each miss once per level, and misses escalated at both levels are no longer
 * read. A sweep with a cap of 5 over a source of its own (its own cursor), beside the real one.
 */
class SweepBacklogTests extends IntegrationTest {

    static final int CAP = 5;
    static final int BACKLOG = 23; // ceil(23 / 5) = 5 sweeps per level

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aBacklogLargerThanTheCapIsEscalatedInBoundedSweepsOncePerLevelAndThenNoLongerRead() {
        BacklogSource source = new BacklogSource(clock.instant().truncatedTo(ChronoUnit.SECONDS), BACKLOG);
        jdbc.update("delete from escalations_sweep_cursor where source = ?", BacklogSource.class.getName());
        DeadlineSweep small = sweep.withReaders(List.of(DeadlineSweep.sourceReader(source)), CAP);

        assertThat(sweepsUntil(small, source, "TOWNSHIP")).isEqualTo(5);
        assertThat(items(source, "COUNTY")).isZero();
        small.sweep(); // the grace period has not passed: nothing more
        assertThat(items(source, "TOWNSHIP")).isEqualTo(BACKLOG);
        assertThat(items(source, "COUNTY")).isZero();

        clock.advance(Duration.ofHours(25)); // every township item open longer than the grace period (24 h)
        assertThat(sweepsUntil(small, source, "COUNTY")).isEqualTo(5);
        assertThat(items(source, "TOWNSHIP")).isEqualTo(BACKLOG);
        assertThat(itemsMoreThanOncePerLevel(source)).isZero();

        // escalated at both levels: the next sweeps read none of them
        source.returned.set(0);
        small.sweep();
        small.sweep();
        assertThat(source.returned).hasValue(0);

        // a new miss is read alone
        source.add(clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(1, ChronoUnit.MINUTES));
        small.sweep();
        assertThat(source.returned).hasValue(1);
        assertThat(items(source, "TOWNSHIP")).isEqualTo(BACKLOG + 1);

        // a deadline stored already past, before what is done, is found by the next full pass (1 h)
        source.add(clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(30, ChronoUnit.DAYS));
        small.sweep();
        assertThat(items(source, "TOWNSHIP")).isEqualTo(BACKLOG + 1);
        clock.advance(Duration.ofMinutes(61));
        small.sweep();
        assertThat(items(source, "TOWNSHIP")).isEqualTo(BACKLOG + 2);
        assertThat(itemsMoreThanOncePerLevel(source)).isZero();
    }

    /** Sweeps until every miss of the source has an item at the level; the number of sweeps it took. */
    private int sweepsUntil(DeadlineSweep small, BacklogSource source, String level) {
        int sweeps = 0;
        while (items(source, level) < source.misses.size() && sweeps < 20) {
            small.sweep();
            sweeps++;
        }
        return sweeps;
    }

    private int items(BacklogSource source, String level) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = 'REASSESSMENT' and level = ? "
                + "and source_id between ? and ?", Integer.class, level, source.firstId, source.firstId + 1_000);
    }

    private int itemsMoreThanOncePerLevel(BacklogSource source) {
        return jdbc.queryForObject("select count(*) from (select source_id, level from escalations_item "
                + "where kind = 'REASSESSMENT' and source_id between ? and ? group by source_id, level "
                + "having count(*) > 1) twice", Integer.class, source.firstId, source.firstId + 1_000);
    }

    /**
     * Misses of a module the sweep does not know, read by keyset like a real source. Ids far above
     * any real case; two misses share a deadline, so the order's tie-break on the id is exercised.
     */
    static final class BacklogSource implements DeadlineSource {

        final long firstId = 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        final List<MissedDeadline> misses = new ArrayList<>();
        final AtomicInteger returned = new AtomicInteger();

        BacklogSource(Instant now, int count) {
            Instant oldest = now.minus(2, ChronoUnit.DAYS);
            for (int i = 0; i < count; i++) {
                Instant deadline = oldest.plus(i == 1 ? 0 : i, ChronoUnit.MINUTES);
                misses.add(new MissedDeadline("REASSESSMENT", firstId + i, deadline, null, CaseFixtures.VILLAGE_1_1));
            }
        }

        synchronized void add(Instant deadline) {
            misses.add(new MissedDeadline("REASSESSMENT", firstId + misses.size(), deadline, null,
                    CaseFixtures.VILLAGE_1_1));
        }

        @Override
        public List<MissedDeadline> overdue(Instant now, int limit) {
            return overdueAfter(now, DeadlineKey.START, limit);
        }

        @Override
        public synchronized List<MissedDeadline> overdueAfter(Instant now, DeadlineKey after, int limit) {
            List<MissedDeadline> page = misses.stream().filter(m -> m.deadline().isBefore(now))
                    .filter(m -> m.key().compareTo(after) > 0).sorted(Comparator.comparing(MissedDeadline::key))
                    .limit(limit).toList();
            returned.addAndGet(page.size());
            return page;
        }
    }
}

package cn.childprotect.cms.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;
import cn.childprotect.cms.support.FaultInjection;
import cn.childprotect.cms.support.IntegrationTest;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 19: the work-order, register and measure sources read a drain's batch with a few queries
 * ({@link StatsFactSource#factsOf(java.util.Collection)}), not two or three per thing, and state the
 * same facts as thing by thing. Twenty of each (with histories, visits and an exit) are written in
 * March 2021, a month no other test lives in, marked and drained while the test holds the drain's
 * lock; the statements the test's thread prepares are recorded ({@link FaultInjection}). At the end
 * the rows are deleted and drained again, which takes their facts out of the sums.
 */
@Import(FaultInjection.class)
class StatsSourceBatchTests extends IntegrationTest {

    private static final int EACH = 20;
    private static final List<String> SOURCES = List.of("referrals.work_order", "monitoring.entry",
            "guardianship.measure");

    @Autowired
    StatsRollup rollup;

    @Autowired
    List<StatsFactSource> sources;

    @Autowired
    FaultInjection database;

    @Autowired
    LockProvider locks;

    @Autowired
    JdbcTemplate jdbc;

    private RollupProbe probe() {
        return new RollupProbe(jdbc, locks);
    }

    @AfterEach
    void stopRecording() {
        database.reset();
    }

    @Test
    void twentyOrdersEntriesAndMeasuresAreReadAsOneBatchWithTheSameFactsAsOneByOne() {
        SimpleLock lock = probe().holdDrainLock();
        String run = "BATCH-" + ThreadLocalRandom.current().nextInt(1_000_000);
        List<Long> orders = new ArrayList<>();
        List<Long> entries = new ArrayList<>();
        List<Long> measureIds = new ArrayList<>();
        try {
            rollup.drainAll(); // what earlier tests left, so that the batch counted is this test's
            for (int i = 0; i < EACH; i++) {
                orders.add(workOrder(run, i));
                entries.add(registerEntry(run, i));
                measureIds.add(measure(run, i));
            }
            List<List<Long>> ids = List.of(orders, entries, measureIds);
            for (int s = 0; s < SOURCES.size(); s++) {
                StatsFactSource source = source(SOURCES.get(s));
                List<Long> withMissing = new ArrayList<>(ids.get(s));
                withMissing.add(Long.MAX_VALUE); // a thing that is gone: no facts
                Map<Long, List<StatsFact>> batch = source.factsOf(withMissing);
                assertThat(batch.getOrDefault(Long.MAX_VALUE, List.of())).isEmpty();
                for (long id : ids.get(s)) {
                    assertThat(batch.get(id)).as(source.name() + " " + id).isNotEmpty()
                            .containsExactlyElementsOf(source.factsOf(id));
                }
                mark(source.name(), ids.get(s));
            }

            database.recordStatements();
            rollup.drainAll();
            List<String> statements = database.recordedStatements();
            database.reset();

            // the pending rows and their delete; per source its things, their histories (the
            // register: visits and changes), their stored facts; the new facts as one batch; per
            // rollup table an upsert batch; a few more if a listener on another thread marked things
            // meanwhile. Thing by thing, the three sources took over 120.
            assertThat(statements).as(String.join("\n", statements)).hasSizeLessThanOrEqualTo(24);
            assertThat(probe().facts("referrals.work_order", "workorders.dispatched", orders)).isEqualTo(EACH);
            assertThat(probe().facts("referrals.work_order", "workorders.urged", orders)).isEqualTo(EACH);
            assertThat(probe().facts("monitoring.entry", "register.visits", entries)).isEqualTo(2 * EACH);
            assertThat(probe().facts("monitoring.entry", "register.exited", entries)).isEqualTo(EACH / 4);
            assertThat(probe().facts("guardianship.measure", "measures.recorded", measureIds)).isEqualTo(EACH);
            assertThat(probe().facts("guardianship.measure", "time.decision", measureIds)).isEqualTo(EACH - EACH / 4);
        }
        finally {
            database.reset();
            try {
                removeAndDrain(orders, entries, measureIds);
            }
            finally {
                lock.unlock();
            }
        }
    }

    private StatsFactSource source(String name) {
        return sources.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    /** Dispatched 1 March, urged; every other one signed (late for some) and returned. */
    private long workOrder(String run, int i) {
        String number = run + "-" + i;
        Timestamp dispatched = at(1, 9);
        jdbc.update("insert into referrals_work_order (case_id, case_number, village_code, agency_code, status, "
                + "request_text, shared_summary, dispatched_by, dispatched_at, sign_by, signed_at, due_at, urge_count, "
                + "version) values (?, ?, '141029100001', 'PSB-CHENGGUAN', ?, 'r', 's', 'batch', ?, ?, ?, ?, 1, 0)",
                900_000_000L + i, number, i % 2 == 0 ? "SIGNED" : "DISPATCHED", dispatched, at(2, 9),
                i % 2 == 0 ? at(1 + i % 3, 10) : null, at(2 + i % 5, 9));
        long id = jdbc.queryForObject("select id from referrals_work_order where case_number = ?", Long.class, number);
        step("insert into referrals_work_order_step (work_order_id, occurred_at, actor, action) values (?, ?, 'b', ?)",
                id, at(3, 9), "URGE");
        if (i % 2 == 0) {
            step("insert into referrals_work_order_step (work_order_id, occurred_at, actor, action) values (?, ?, 'b', ?)",
                    id, at(4, 9), "RETURN");
        }
        return id;
    }

    /** Confirmed 1 March with two visits; every fourth one exited on 20 March. */
    private long registerEntry(String run, int i) {
        boolean exited = i % 4 == 0;
        jdbc.update("insert into monitoring_entry (child_id, village_code, categories, tier, status, created_by, "
                + "created_at, confirmed_at, household, version) values (?, '141029100001', ',DISTRESS,LEFT_BEHIND,', ?, "
                + "?, 'batch', ?, ?, ?, 0)", 900_000_000L + i, i % 2 == 0 ? "ORANGE" : "YELLOW",
                exited ? "EXITED" : "ACTIVE", at(1, 8), at(1, 9), run + "-" + i);
        long id = jdbc.queryForObject("select id from monitoring_entry where household = ?", Long.class, run + "-" + i);
        for (int day : new int[] { 5 + i % 5, 18 }) {
            step("insert into monitoring_visit (entry_id, visited_on, kind, safety, recorded_by, recorded_at) "
                    + "values (?, ?, 'HOME', 'SAFE', 'b', ?)", id, LocalDate.of(2021, 3, day), at(day, 12));
        }
        if (exited) {
            step("insert into monitoring_change (entry_id, entry_version, occurred_at, actor, action, from_status, "
                    + "to_status) values (?, 1, ?, 'b', 'CONFIRM', 'EXIT_PENDING_CONFIRMATION', 'EXITED')", id, at(20, 9));
        }
        return id;
    }

    /** Protection orders filed 1 March and granted (some late); every fourth reconsidered, so not timed. */
    private long measure(String run, int i) {
        jdbc.update("insert into guardianship_measure (case_id, case_number, village_code, measure_type, status, ended, "
                + "created_by, created_at, urgent, occurred_at, decided_at, version) values (?, ?, '141029100001', "
                + "'PROTECTION_ORDER', 'GRANTED', false, 'batch', ?, ?, ?, ?, 0)", 900_000_000L + i, run + "-" + i,
                at(1, 9), i % 3 == 0, at(1, 8), at(2 + i % 4, 9));
        long id = jdbc.queryForObject("select id from guardianship_measure where case_number = ?", Long.class,
                run + "-" + i);
        step("insert into guardianship_measure_step (measure_id, occurred_at, actor, step, to_status) "
                + "values (?, ?, 'b', ?, 'GRANTED')", id, at(2 + i % 4, 9), "GRANT");
        if (i % 4 == 0) {
            step("insert into guardianship_measure_step (measure_id, occurred_at, actor, step, to_status) "
                    + "values (?, ?, 'b', ?, 'RECONSIDERING')", id, at(10, 9), "RECONSIDER");
        }
        return id;
    }

    private void step(String sql, Object... args) {
        jdbc.update(sql, args);
    }

    private static Timestamp at(int day, int hour) {
        return Timestamp.from(LocalDate.of(2021, 3, day).atTime(hour, 0).atZone(java.time.ZoneOffset.UTC).toInstant());
    }

    private void mark(String source, List<Long> ids) {
        jdbc.batchUpdate("insert into stats_pending (source, subject_id) values (?, ?)",
                ids.stream().map(id -> new Object[] { source, id }).toList());
    }


    /** The rows go, and a drain takes their facts out of the sums, so no other test counts them. */
    private void removeAndDrain(List<Long> orders, List<Long> entries, List<Long> measureIds) {
        for (long id : orders) {
            jdbc.update("delete from referrals_work_order_step where work_order_id = ?", id);
            jdbc.update("delete from referrals_work_order where id = ?", id);
        }
        for (long id : entries) {
            jdbc.update("delete from monitoring_visit where entry_id = ?", id);
            jdbc.update("delete from monitoring_change where entry_id = ?", id);
            jdbc.update("delete from monitoring_entry where id = ?", id);
        }
        for (long id : measureIds) {
            jdbc.update("delete from guardianship_measure_step where measure_id = ?", id);
            jdbc.update("delete from guardianship_measure where id = ?", id);
        }
        mark("referrals.work_order", orders);
        mark("monitoring.entry", entries);
        mark("guardianship.measure", measureIds);
        rollup.drainAll();
    }
}

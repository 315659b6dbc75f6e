package cn.childprotect.cms.stats;

import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.childprotect.cms.shared.BeforeCommitRows;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rollup behind every measure (docs/domain.md, "Statistics"). Three tables of this module:
 * <ul>
 * <li>{@code stats_pending}: things whose facts may have changed; an event listener adds a row in
 * the same transaction as the change, so no change is lost and no outbox is needed.</li>
 * <li>{@code stats_fact}: each thing's facts as last read from its {@link StatsFactSource}.</li>
 * <li>{@code stats_daily}, {@code stats_monthly} and {@code stats_monthly_township}: the facts
 * summed per day (month) × village (township for the last) ×
 * measure × one dimension and its value × duration bucket ({@link DurationBuckets}). A fact adds
 * to one row of each dimension (category, channel, institution, state, agency — an empty code is
 * a value too) and to a {@code total} row, never to a cross product of dimensions, so the rows
 * are bounded by days × villages × measures × dimension values × buckets, however many cases
 * there are. All are always GROUP BYs of {@code stats_fact}; queries read only these, whole
 * months from a monthly table (per township unless villages are asked for) and the days around
 * them from the daily one.</li>
 * </ul>
 * A job (one instance at a time, ShedLock lock {@code stats-rollup}) drains the pending rows: it
 * asks the source for the thing's facts now, and where they differ, takes the old ones out of the
 * sums and puts the new ones in. A rebuild (same lock) reads every source from scratch.
 */
@Component
class StatsRollup {

    static final String LOCK = "stats-rollup";
    /** The dimension of the rows that count every fact once, whatever its dimensions. */
    static final String TOTAL = "total";
    /** The rows each fact adds to: its {@link #TOTAL} and one per dimension (the column it reads). */
    private static final List<String> DIMENSIONS = List.of(TOTAL, "category", "channel", "institution", "state",
            "agency");
    private static final Table DAILY = new Table("stats_daily", "village_code", false);
    private static final Table MONTHLY = new Table("stats_monthly", "village_code", true);
    private static final Table TOWNSHIP_MONTHLY = new Table("stats_monthly_township", "township_code", true);
    private static final List<Table> TABLES = List.of(DAILY, MONTHLY, TOWNSHIP_MONTHLY);
    private static final Logger log = LoggerFactory.getLogger(StatsRollup.class);
    private static final int DRAIN_BATCH = 500;
    private static final int REBUILD_PAGE = 500;

    /** Column types of {@code stats_fact}'s insert: minutes may be null, which drivers want typed. */
    private static final int[] FACT_TYPES = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.DATE, Types.DATE,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT,
        Types.BIGINT };
    private static final int[] UPSERT_TYPES = { Types.VARCHAR, Types.DATE, Types.VARCHAR, Types.VARCHAR,
        Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT, Types.BIGINT };
    private static final int[] UPDATE_TYPES = { Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.DATE,
        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT };

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final Map<String, StatsFactSource> sources = new LinkedHashMap<>();
    private final TransactionTemplate tx;
    private final LockingTaskExecutor locks;
    private final BeforeCommitRows pendingRows;

    StatsRollup(JdbcClient jdbc, JdbcTemplate jdbcTemplate, List<StatsFactSource> sources,
            PlatformTransactionManager transactions, LockProvider lockProvider) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.pendingRows = new BeforeCommitRows(jdbcTemplate, "insert into stats_pending (source, subject_id) values (?, ?)");
        for (StatsFactSource source : sources) {
            if (source.name() == null || source.name().length() > 32) {
                throw new IllegalStateException("a statistics source needs a name of at most 32 characters: " + source);
            }
            if (this.sources.put(source.name(), source) != null) {
                throw new IllegalStateException("two statistics sources are named " + source.name());
            }
        }
        this.tx = new TransactionTemplate(transactions);
        this.locks = new DefaultLockingTaskExecutor(lockProvider);
    }

    Set<String> sourceNames() {
        return sources.keySet();
    }

    /**
     * Every event is offered to every source; a thing it names is marked for a refresh, in the event's
     * transaction (the marks of one transaction go as one batch just before it commits).
     */
    @EventListener
    void onEvent(Object event) {
        Object payload = event instanceof PayloadApplicationEvent<?> p ? p.getPayload() : event;
        for (StatsFactSource source : sources.values()) {
            for (Long subject : source.subjectsAffectedBy(payload)) {
                if (subject != null) {
                    String name = source.name();
                    pendingRows.add(ps -> {
                        ps.setString(1, name);
                        ps.setLong(2, subject);
                    });
                }
            }
        }
    }

    @Scheduled(fixedDelayString = "${cms.stats.refresh-interval:5s}",
            initialDelayString = "${cms.stats.refresh-initial-delay:10s}")
    void scheduledRefresh() {
        refreshNow();
    }

    /** Drains the pending rows (as many batches as there are) under the lock; false if another instance holds it. */
    boolean refreshNow() {
        try {
            LockingTaskExecutor.TaskResult<Boolean> result = locks.executeWithLock(() -> {
                drainAll();
                return true;
            }, lock(Duration.ofMinutes(10)));
            return result.wasExecuted();
        }
        catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Drains batch after batch while full ones wait; the caller holds the lock. */
    void drainAll() {
        while (drainBatch() == DRAIN_BATCH) {
            // another full batch is waiting
        }
    }

    /**
     * One batch in one transaction, with a fixed number of statements whatever its size: the pending
     * rows; per source its things' facts now (batched by the source, {@link StatsFactSource#factsOf(Collection)}),
     * their stored facts (one query) and, for the things whose facts changed, one delete; the new
     * facts as one JDBC batch; the sums as one or two batches per rollup table; one delete of the rows.
     */
    private int drainBatch() {
        return Objects.requireNonNull(tx.execute(status -> {
            List<Pending> rows = jdbc.sql("select id, source, subject_id from stats_pending order by id limit "
                    + DRAIN_BATCH).query((rs, n) -> new Pending(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
            if (rows.isEmpty()) {
                return 0;
            }
            Map<String, Set<Long>> subjects = new LinkedHashMap<>();
            rows.forEach(r -> subjects.computeIfAbsent(r.source(), k -> new LinkedHashSet<>()).add(r.subjectId()));
            Map<RollupKey, long[]> deltas = new HashMap<>();
            List<Object[]> newFacts = new ArrayList<>();
            subjects.forEach((source, ids) -> refreshSubjects(source, ids, deltas, newFacts));
            insertFacts(newFacts);
            applyDeltas(deltas);
            List<Long> drained = rows.stream().map(Pending::id).toList();
            jdbc.sql("delete from stats_pending where id in (" + marks(drained.size()) + ")").params(drained).update();
            return rows.size();
        }));
    }

    /**
     * Replaces the stored facts of the source's things whose facts changed: their old facts leave
     * the sums, their new ones join them (and {@code newFacts}, to be inserted after every delete).
     */
    private void refreshSubjects(String sourceName, Set<Long> ids, Map<RollupKey, long[]> deltas,
            List<Object[]> newFacts) {
        StatsFactSource source = sources.get(sourceName);
        // a source no longer deployed has no facts now: its things' stored ones go
        Map<Long, List<StatsFact>> now = source == null ? allEmpty(ids) : factsNow(source, ids, "statistics");
        Map<Long, List<StatsFact>> stored = factsStored(sourceName, ids);
        List<Long> replaced = new ArrayList<>();
        for (Long id : ids) {
            List<StatsFact> facts = now.get(id);
            if (facts == null) {
                continue;
            }
            List<StatsFact> old = stored.getOrDefault(id, List.of());
            if (sameFacts(old, facts)) {
                continue;
            }
            if (!old.isEmpty()) {
                replaced.add(id);
            }
            for (StatsFact fact : old) {
                addTo(deltas, fact, -1);
            }
            for (StatsFact fact : facts) {
                newFacts.add(factRow(sourceName, id, fact));
                addTo(deltas, fact, 1);
            }
        }
        if (!replaced.isEmpty()) {
            List<Object> params = new ArrayList<>();
            params.add(sourceName);
            params.addAll(replaced);
            jdbc.sql("delete from stats_fact where source = ? and subject_id in (" + marks(replaced.size()) + ")")
                    .params(params).update();
        }
    }

    private static Map<Long, List<StatsFact>> allEmpty(Collection<Long> ids) {
        Map<Long, List<StatsFact>> facts = new HashMap<>();
        ids.forEach(id -> facts.put(id, List.of()));
        return facts;
    }

    /**
     * The things' facts now, every id a key, but for those whose facts cannot be stated (a bad code):
     * they keep their earlier facts; logged, not retried. Such a thing fails a source's batched read,
     * so then the source is asked thing by thing.
     */
    private static Map<Long, List<StatsFact>> factsNow(StatsFactSource source, Collection<Long> ids, String what) {
        try {
            Map<Long, List<StatsFact>> batch = source.factsOf(ids);
            Map<Long, List<StatsFact>> facts = new HashMap<>();
            ids.forEach(id -> facts.put(id, batch.getOrDefault(id, List.of())));
            return facts;
        }
        catch (IllegalArgumentException e) {
            Map<Long, List<StatsFact>> facts = new HashMap<>();
            for (Long id : ids) {
                try {
                    facts.put(id, source.factsOf(id));
                }
                catch (IllegalArgumentException one) {
                    log.warn("{}: facts of {} {} skipped: {}", what, source.name(), id, one.getMessage());
                }
            }
            return facts;
        }
    }

    private Map<Long, List<StatsFact>> factsStored(String source, Collection<Long> ids) {
        List<Object> params = new ArrayList<>();
        params.add(source);
        params.addAll(ids);
        Map<Long, List<StatsFact>> stored = new HashMap<>();
        jdbc.sql("""
                select subject_id, measure, fact_day, village_code, category, channel, institution, state, agency,
                    minutes
                from stats_fact where source = ? and subject_id in (""" + marks(ids.size()) + ")")
                .params(params)
                .query(rs -> {
                    stored.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new StatsFact(rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), rs.getString(9),
                            rs.getObject(10) == null ? null : rs.getLong(10)));
                });
        return stored;
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private static boolean sameFacts(List<StatsFact> a, List<StatsFact> b) {
        if (a.size() != b.size()) {
            return false;
        }
        Map<StatsFact, Integer> counts = new HashMap<>();
        a.forEach(f -> counts.merge(f, 1, Integer::sum));
        for (StatsFact f : b) {
            Integer c = counts.get(f);
            if (c == null || c == 0) {
                return false;
            }
            counts.put(f, c - 1);
        }
        return true;
    }

    private static Object[] factRow(String source, long subjectId, StatsFact f) {
        return new Object[] { source, subjectId, f.measure(), f.day(), f.day().withDayOfMonth(1), f.villageCode(),
                f.category(), f.channel(), f.institution(), f.state(), f.agency(), f.minutes(),
                DurationBuckets.bucketOf(f.minutes()) };
    }

    /** The facts as one JDBC batch (one round trip). */
    private void insertFacts(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbcTemplate.batchUpdate("""
                insert into stats_fact (source, subject_id, measure, fact_day, fact_month, village_code, category,
                    channel, institution, state, agency, minutes, bucket)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows, FACT_TYPES);
    }

    /** The fact's share of the sums: its total row and one row per dimension, in both tables. */
    private static void addTo(Map<RollupKey, long[]> deltas, StatsFact f, int sign) {
        long minutes = f.minutes() == null ? 0 : f.minutes();
        long bucket = DurationBuckets.bucketOf(f.minutes());
        List<String> values = List.of("", f.category(), f.channel(), f.institution(), f.state(), f.agency());
        for (int i = 0; i < DIMENSIONS.size(); i++) {
            for (Table table : TABLES) {
                LocalDate day = table.monthly() ? f.day().withDayOfMonth(1) : f.day();
                String place = table == TOWNSHIP_MONTHLY ? f.villageCode().substring(0, 9) : f.villageCode();
                long[] sums = deltas.computeIfAbsent(new RollupKey(table, DIMENSIONS.get(i), day, place,
                        f.measure(), values.get(i), bucket), k -> new long[2]);
                sums[0] += sign;
                sums[1] += sign * minutes;
            }
        }
    }

    /**
     * The sums as JDBC batches, per table: a row that gains facts is added to, or created, by one
     * upsert (the key is the table's primary key; {@code on duplicate key update} works alike on
     * MySQL, MariaDB and H2 in MySQL mode, and needs no update counts, which batches report
     * unreliably); a row that only loses facts exists already (its facts were added to it) and is
     * updated. A row summing to nothing stays, as before.
     */
    private void applyDeltas(Map<RollupKey, long[]> deltas) {
        Map<Table, List<Object[]>> upserts = new LinkedHashMap<>();
        Map<Table, List<Object[]>> updates = new LinkedHashMap<>();
        deltas.forEach((k, sums) -> {
            if (sums[0] == 0 && sums[1] == 0) {
                return;
            }
            if (sums[0] > 0) {
                upserts.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(new Object[] { k.dim(), k.day(),
                        k.place(), k.measure(), k.value(), k.bucket(), sums[0], sums[1], sums[0], sums[1] });
            }
            else {
                updates.computeIfAbsent(k.table(), t -> new ArrayList<>()).add(new Object[] { sums[0], sums[1],
                        k.dim(), k.day(), k.place(), k.measure(), k.value(), k.bucket() });
            }
        });
        for (Table table : TABLES) {
            List<Object[]> added = upserts.getOrDefault(table, List.of());
            if (!added.isEmpty()) {
                jdbcTemplate.batchUpdate("insert into " + table.name() + " (dim, fact_day, " + table.place()
                        + ", measure, dim_value, bucket, n, minutes_sum) values (?, ?, ?, ?, ?, ?, ?, ?)"
                        + " on duplicate key update n = n + ?, minutes_sum = minutes_sum + ?", added, UPSERT_TYPES);
            }
            List<Object[]> taken = updates.getOrDefault(table, List.of());
            if (!taken.isEmpty()) {
                jdbcTemplate.batchUpdate("update " + table.name() + " set n = n + ?, minutes_sum = minutes_sum + ?"
                        + " where dim = ? and fact_day = ? and " + table.place() + " = ? and measure = ?"
                        + " and dim_value = ? and bucket = ?", taken, UPDATE_TYPES);
            }
        }
    }

    /**
     * Reads every source from scratch (docs/domain.md, "Statistics"): facts page by page, then the
     * daily sums as one GROUP BY. While it runs the figures are incomplete; it holds the drain's lock.
     */
    RebuildResult rebuild() {
        try {
            LockingTaskExecutor.TaskResult<RebuildResult> result = locks.executeWithLock(this::rebuildLocked,
                    lock(Duration.ofHours(6)));
            if (!result.wasExecuted()) {
                return null;
            }
            return result.getResult();
        }
        catch (Throwable e) {
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    private RebuildResult rebuildLocked() {
        Instant started = Instant.now();
        Long maxPending = jdbc.sql("select max(id) from stats_pending").query(Long.class).optional().orElse(null);
        tx.executeWithoutResult(s -> {
            for (Table table : TABLES) {
                jdbc.sql("delete from " + table.name()).update();
            }
            jdbc.sql("delete from stats_fact").update();
            if (maxPending != null) {
                // everything pending now is read by the rebuild; later marks stay for the drain
                jdbc.sql("delete from stats_pending where id <= ?").param(maxPending).update();
            }
        });
        long subjects = 0;
        long facts = 0;
        for (StatsFactSource source : sources.values()) {
            long after = 0;
            while (true) {
                List<Long> ids = source.subjectsAfter(after, REBUILD_PAGE);
                if (ids.isEmpty()) {
                    break;
                }
                long[] written = new long[1];
                tx.executeWithoutResult(s -> {
                    List<Object[]> rows = new ArrayList<>();
                    factsNow(source, ids, "statistics rebuild").forEach((id, list) ->
                            list.forEach(fact -> rows.add(factRow(source.name(), id, fact))));
                    insertFacts(rows);
                    written[0] = rows.size();
                });
                subjects += ids.size();
                facts += written[0];
                after = ids.getLast();
            }
        }
        tx.executeWithoutResult(s -> {
            for (Table table : TABLES) {
                String day = table.monthly() ? "fact_month" : "fact_day";
                String place = table == TOWNSHIP_MONTHLY ? "substring(village_code, 1, 9)" : "village_code";
                for (String dim : DIMENSIONS) {
                    String value = dim.equals(TOTAL) ? "''" : dim;
                    jdbc.sql("insert into " + table.name() + " (dim, fact_day, " + table.place() + ", measure, dim_value,"
                            + " bucket, n, minutes_sum) select '" + dim + "', " + day + ", " + place + ", measure, "
                            + value + ", bucket, count(*), coalesce(sum(minutes), 0) from stats_fact group by " + day
                            + ", " + place + ", measure, " + value + ", bucket").update();
                }
            }
        });
        return new RebuildResult(subjects, facts, Duration.between(started, Instant.now()).toMillis());
    }

    long pendingCount() {
        return jdbc.sql("select count(*) from stats_pending").query(Long.class).single();
    }

    private static LockConfiguration lock(Duration atMostFor) {
        return new LockConfiguration(Instant.now(), LOCK, atMostFor, Duration.ZERO);
    }

    /**
     * The rollup's rows for a period and a division prefix, summed per measure, group and bucket:
     * the whole months of the period from the monthly table, the days before and after them from
     * the daily one (a row of each belongs to one group only, so the caller may add them up). The
     * group is a fixed expression of {@link GroupBy}, never user text; null for totals only.
     */
    List<Row> read(LocalDate from, LocalDate to, String prefix, GroupBy by, List<String> measures) {
        LocalDate firstWhole = from.getDayOfMonth() == 1 ? from : from.withDayOfMonth(1).plusMonths(1);
        LocalDate lastWhole = to.plusDays(1).getDayOfMonth() == 1 ? to.withDayOfMonth(1)
                : to.withDayOfMonth(1).minusMonths(1);
        if (lastWhole.isBefore(firstWhole)) {
            return read(DAILY, from, to, prefix, by, measures);
        }
        // a county or township asking for anything but villages reads the months summed per township
        Table months = by != GroupBy.VILLAGE && prefix.length() <= 9 ? TOWNSHIP_MONTHLY : MONTHLY;
        List<Row> rows = new ArrayList<>(read(months, firstWhole, lastWhole, prefix, by, measures));
        if (from.isBefore(firstWhole)) {
            rows.addAll(read(DAILY, from, firstWhole.minusDays(1), prefix, by, measures));
        }
        LocalDate afterWhole = lastWhole.plusMonths(1);
        if (!to.isBefore(afterWhole)) {
            rows.addAll(read(DAILY, afterWhole, to, prefix, by, measures));
        }
        return rows;
    }

    private List<Row> read(Table table, LocalDate from, LocalDate to, String prefix, GroupBy by,
            List<String> measures) {
        String group = by == null ? "''" : by.sql(table.place());
        StringBuilder sql = new StringBuilder("select measure, " + group + " as grp, bucket, sum(n), sum(minutes_sum)"
                + " from " + table.name() + " where dim = ? and fact_day between ? and ? and " + table.place()
                + " like ?");
        List<Object> params = new ArrayList<>(List.of(by == null ? TOTAL : by.dim, from, to, prefix + "%"));
        if (measures != null && !measures.isEmpty()) {
            sql.append(" and measure in (").append(String.join(", ", measures.stream().map(m -> "?").toList()))
                    .append(")");
            params.addAll(measures);
        }
        sql.append(by == null ? " group by measure, bucket" : " group by measure, " + group + ", bucket");
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, n) -> new Row(rs.getString(1), String.valueOf(rs.getObject(2)), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5)))
                .list();
    }

    record Row(String measure, String group, long bucket, long n, long minutesSum) {
    }

    record RebuildResult(long subjects, long facts, long millis) {
    }

    private record Pending(long id, String source, long subjectId) {
    }

    /** A rollup table: its name, its place column (a village, or a township's 9 digits), per day or per month. */
    private record Table(String name, String place, boolean monthly) {
    }

    private record RollupKey(Table table, String dim, LocalDate day, String place, String measure, String value,
            long bucket) {
    }
}

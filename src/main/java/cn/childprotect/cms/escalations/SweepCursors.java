package cn.childprotect.cms.escalations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import cn.childprotect.cms.shared.deadlines.DeadlineKey;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Where the deadline sweep stands in each source (table {@code escalations_sweep_cursor}; see
 * docs/domain.md, "Deadlines and escalation"). {@code done}: every miss up to this key is escalated
 * at both levels or needs nothing more, so a sweep does not read it again. {@code scan}: where the
 * last read stopped when it read a full cap, so the next sweep reads the misses after it instead of
 * the same oldest ones (a backlog larger than the cap is read in turns, none waits for ever). Every
 * {@code cms.escalations.full-pass} (and when the clock is set back) a source is read from its
 * oldest miss again: a deadline stored already past (a backdated report, a deadline set by hand)
 * lies before {@code done} and is found then. Two instances may save over each other: a cursor
 * that moves back only makes a sweep read again; "once per miss and level" is the unique key's.
 */
@Component
class SweepCursors {

    private final JdbcTemplate jdbc;
    private final Duration fullPass;

    SweepCursors(JdbcTemplate jdbc, SweepProperties properties) {
        this.jdbc = jdbc;
        this.fullPass = properties.fullPass();
    }

    /** One source's standing. */
    record Cursor(DeadlineKey done, DeadlineKey scan, Instant fullPassAt) {

        /** Where the next read starts: after the last read if it stopped at the cap, else after what is done. */
        DeadlineKey readFrom() {
            return scan != null ? scan : done != null ? done : DeadlineKey.START;
        }

        /**
         * The standing after a read: {@code done} moves over the leading rows that are finished
         * when the read started where everything before was done; {@code scan} is the last row of
         * a full read, or null (the next sweep starts at {@code done} again).
         */
        Cursor after(DeadlineSweep.Read read, Predicate<Miss> finished) {
            DeadlineKey newDone = done;
            if (scan == null || scan.equals(done)) {
                Map<DeadlineKey, List<Miss>> byKey = new HashMap<>();
                read.misses().forEach(m -> byKey.computeIfAbsent(new DeadlineKey(m.deadline(), m.sourceId()),
                        k -> new ArrayList<>()).add(m));
                for (DeadlineKey key : read.keys()) {
                    // a row that yields no miss (its case is closed) is left to the next full pass
                    if (!byKey.getOrDefault(key, List.of()).stream().allMatch(finished)) {
                        break;
                    }
                    newDone = key;
                }
            }
            DeadlineKey newScan = read.full() && !read.keys().isEmpty() ? read.keys().getLast() : null;
            return new Cursor(newDone, newScan, fullPassAt);
        }
    }

    Map<String, Cursor> load() {
        Map<String, Cursor> all = new LinkedHashMap<>();
        jdbc.query("select source, done_deadline, done_id, scan_deadline, scan_id, full_pass_at from escalations_sweep_cursor",
                rs -> {
                    all.put(rs.getString(1), new Cursor(key(rs, 2), key(rs, 4), instant(rs, 6)));
                });
        return all;
    }

    /** The stored standing, or a new full pass from the oldest miss when it is due (or the clock went back). */
    Cursor current(Cursor stored, Instant now) {
        if (stored == null || now.isBefore(stored.fullPassAt()) || !now.isBefore(stored.fullPassAt().plus(fullPass))
                || stored.done() != null && now.isBefore(stored.done().deadline())) {
            return new Cursor(null, null, now);
        }
        return stored;
    }

    void save(String source, Cursor cursor, Cursor before) {
        if (Objects.equals(cursor, before)) {
            return;
        }
        Object[] values = { ts(cursor.done() == null ? null : cursor.done().deadline()),
                cursor.done() == null ? null : cursor.done().sourceId(),
                ts(cursor.scan() == null ? null : cursor.scan().deadline()),
                cursor.scan() == null ? null : cursor.scan().sourceId(), ts(cursor.fullPassAt()), source };
        String update = "update escalations_sweep_cursor set done_deadline = ?, done_id = ?, scan_deadline = ?, "
                + "scan_id = ?, full_pass_at = ? where source = ?";
        if (jdbc.update(update, values) == 0) {
            try {
                jdbc.update("insert into escalations_sweep_cursor (done_deadline, done_id, scan_deadline, scan_id, "
                        + "full_pass_at, source) values (?, ?, ?, ?, ?, ?)", values);
            }
            catch (DuplicateKeyException savedByAnotherInstance) {
                jdbc.update(update, values);
            }
        }
    }

    /** The next sweep reads every source from its oldest miss. */
    void clear() {
        jdbc.update("delete from escalations_sweep_cursor");
    }

    private static DeadlineKey key(ResultSet rs, int column) throws SQLException {
        Instant deadline = instant(rs, column);
        return deadline == null ? null : new DeadlineKey(deadline, rs.getLong(column + 1));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        LocalDateTime value = rs.getObject(column, LocalDateTime.class);
        return value == null ? null : value.toInstant(ZoneOffset.UTC);
    }

    private static LocalDateTime ts(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}

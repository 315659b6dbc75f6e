package cn.childprotect.cms.cases;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

import cn.childprotect.cms.cases.events.CaseTimelineFact;
import cn.childprotect.cms.cases.events.TimelineLine;
import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The case timeline is a projection of the modules' events (docs/domain.md §4): every
 * {@link CaseTimelineFact} published in a change's transaction becomes its lines here, in that
 * same transaction (a synchronous listener, so a failed write rolls the change back and a
 * rolled-back change leaves no line). It runs before the other listeners of the same event, so
 * lines appear in the order things happened. A line keeps its note as a message key with its
 * arguments ({@link TimelineNotes}), rendered in the reader's language when the timeline is read;
 * what a person wrote stays as they wrote it.
 */
@Component
class CaseTimelineProjection {

    static final int NOTE_MAX_LENGTH = 2000;
    /** Above this many lines from one event, they are written in one JDBC batch. */
    private static final int BATCH_FROM = 10;

    private final TimelineEntries timeline;
    private final BusinessTime time;
    private final TimelineNotes notes;
    private final JdbcTemplate jdbc;

    CaseTimelineProjection(TimelineEntries timeline, BusinessTime time, TimelineNotes notes, JdbcTemplate jdbc) {
        this.timeline = timeline;
        this.time = time;
        this.notes = notes;
        this.jdbc = jdbc;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    @Transactional
    void on(CaseTimelineFact fact) {
        List<TimelineLine> lines = fact.timelineLines();
        if (lines.size() > BATCH_FROM) {
            batch(lines);
            return;
        }
        for (TimelineLine line : lines) {
            timeline.save(new TimelineEntry(line.caseId(), time.now(), line.actor(), line.kind(), line.event(),
                    line.from(), line.to(), notes.store(line), line.reference()));
        }
    }

    /**
     * Many lines at once (the deadline sweep raises thousands of items in one chunk): one JDBC
     * batch, without reading the cases (their foreign key guards them). Times are stored as UTC,
     * as Hibernate stores them.
     */
    private void batch(List<TimelineLine> lines) {
        LocalDateTime at = LocalDateTime.ofInstant(time.now(), ZoneOffset.UTC);
        jdbc.batchUpdate("insert into cases_timeline (case_id, occurred_at, actor, kind, event, from_status, to_status, "
                + "note, note_key, note_args, reference) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", lines, 500,
                (ps, line) -> {
                    TimelineNotes.Stored note = notes.store(line);
                    ps.setLong(1, line.caseId());
                    ps.setObject(2, at);
                    ps.setString(3, line.actor());
                    ps.setString(4, line.kind().name());
                    ps.setString(5, line.event() == null ? null : line.event().name());
                    ps.setString(6, line.from() == null ? null : line.from().name());
                    ps.setString(7, line.to() == null ? null : line.to().name());
                    ps.setString(8, note.note());
                    ps.setString(9, note.key());
                    ps.setString(10, note.args());
                    ps.setString(11, line.reference());
                });
    }
}

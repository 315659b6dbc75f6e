package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.ClassUtils;

/**
 * Issue 19: the deadline sources of other modules (register visits and campaign visits of
 * monitoring, the measures' deadlines of guardianship) are read by keyset after where the sweep
 * stands, so a backlog larger than the cap is escalated in ceil(backlog / cap) sweeps per level,
 * each miss once per level. With the interface's default {@code overdueAfter} (a filter over the
 * first {@code limit} rows) the sweep would never get past the first cap.
 *
 * <p>The real source beans over rows of their own tables, with deadlines in 1990 so that they are
 * the oldest misses of the shared database (rows of earlier runs are taken out of the sweep first).
 */
class DeadlineSourceBacklogTests extends IntegrationTest {

    static final int CAP = 4;
    static final int BACKLOG = 11; // ceil(11 / 4) = 3 sweeps per level
    static final String MARKER = "sweep-backlog-test";
    static final Instant OLDEST = Instant.parse("1990-01-01T00:00:00Z");

    @Autowired
    DeadlineSweep sweep;

    @Autowired
    List<DeadlineSource> sources;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = { "RegisterVisitDeadlines", "CampaignVisitDeadlines", "MeasureDeadlineSource",
            "CaseScreening" })
    void aBacklogLargerThanTheCapOfTheSourceIsEscalatedInBoundedSweepsOncePerLevel(String sourceName) {
        DeadlineSource source = sources.stream()
                .filter(s -> ClassUtils.getUserClass(s).getSimpleName().equals(sourceName)).findFirst().orElseThrow();
        Backlog backlog = switch (sourceName) {
            case "RegisterVisitDeadlines" -> registerVisits();
            case "CampaignVisitDeadlines" -> campaignVisits();
            case "CaseScreening" -> firstContacts();
            default -> measureDeadlines();
        };
        assertThat(backlog.ids()).hasSize(BACKLOG);
        jdbc.update("delete from escalations_sweep_cursor where source = ?", ClassUtils.getUserClass(source).getName());
        DeadlineSweep small = sweep.withReaders(List.of(DeadlineSweep.sourceReader(source)), CAP);

        assertThat(sweepsUntil(small, backlog, "TOWNSHIP")).isEqualTo(3);
        assertThat(items(backlog, "COUNTY")).isZero();

        clock.advance(Duration.ofHours(25)); // every township item open longer than the grace period (24 h)
        assertThat(sweepsUntil(small, backlog, "COUNTY")).isEqualTo(3);
        assertThat(items(backlog, "TOWNSHIP")).isEqualTo(BACKLOG);
        assertThat(jdbc.queryForObject("select count(*) from (select source_id, level from escalations_item "
                + "where kind = ? and source_id between ? and ? group by source_id, level having count(*) > 1) twice",
                Integer.class, backlog.kind(), backlog.firstId(), backlog.lastId())).isZero();
    }

    /** The misses of one source made here: its escalation kind and the ids of its rows. */
    record Backlog(String kind, List<Long> ids) {
        long firstId() {
            return ids.getFirst();
        }

        long lastId() {
            return ids.getLast();
        }
    }

    /** 1990-01-01 plus i minutes; the first two share a deadline, so the order's tie-break on the id is exercised. */
    private static LocalDateTime deadline(int i) {
        return LocalDateTime.ofInstant(OLDEST.plus(i == 1 ? 0 : i, ChronoUnit.MINUTES), ZoneOffset.UTC);
    }

    private Backlog registerVisits() {
        jdbc.update("update monitoring_entry set visit_overdue_at = null where created_by = ?", MARKER);
        for (int i = 0; i < BACKLOG; i++) {
            jdbc.update("insert into monitoring_entry (child_id, village_code, categories, tier, status, created_by, "
                    + "created_at, visit_due_on, visit_overdue_at, version) values (?, ?, ',LEFT_BEHIND,', 'YELLOW', "
                    + "'ACTIVE', ?, ?, ?, ?, 0)", 9_000_000_000L + i, CaseFixtures.VILLAGE_1_1, MARKER,
                    LocalDateTime.now(ZoneOffset.UTC), LocalDate.of(1989, 12, 31), deadline(i));
        }
        return new Backlog("REGISTER_VISIT", jdbc.queryForList("select id from monitoring_entry where created_by = ? "
                + "and visit_overdue_at is not null order by id", Long.class, MARKER));
    }

    private Backlog campaignVisits() {
        jdbc.update("update monitoring_campaign_visit set overdue_at = null where campaign_id in "
                + "(select id from monitoring_campaign where created_by = ?)", MARKER);
        jdbc.update("insert into monitoring_campaign (name, scope_code, starts_on, ends_on, created_by, created_at, "
                + "version) values ('backlog', ?, ?, ?, ?, ?, 0)", CaseFixtures.VILLAGE_1_1, LocalDate.of(1989, 12, 1),
                LocalDate.of(1989, 12, 31), MARKER, LocalDateTime.now(ZoneOffset.UTC));
        long campaign = jdbc.queryForObject("select max(id) from monitoring_campaign where created_by = ?", Long.class,
                MARKER);
        for (int i = 0; i < BACKLOG; i++) {
            jdbc.update("insert into monitoring_campaign_visit (campaign_id, entry_id, village_code, starts_on, ends_on, "
                    + "overdue_at, version) values (?, ?, ?, ?, ?, ?, 0)", campaign, 9_000_000_000L + i,
                    CaseFixtures.VILLAGE_1_1, LocalDate.of(1989, 12, 1), LocalDate.of(1989, 12, 31), deadline(i));
        }
        return new Backlog("CAMPAIGN_VISIT", jdbc.queryForList("select id from monitoring_campaign_visit "
                + "where campaign_id = ? order by id", Long.class, campaign));
    }

    private Backlog measureDeadlines() {
        jdbc.update("update guardianship_measure set next_deadline_at = null where created_by = ?", MARKER);
        var file = fixtures.openInVillage1();
        for (int i = 0; i < BACKLOG; i++) {
            jdbc.update("insert into guardianship_measure (case_id, case_number, village_code, measure_type, status, "
                    + "ended, created_by, created_at, urgent, next_deadline_at, version) values (?, ?, ?, "
                    + "'FAMILY_EDUCATION_ORDER', 'ACTIVE', false, ?, ?, false, ?, 0)", file.id(), file.caseNumber(),
                    file.villageCode(), MARKER, LocalDateTime.now(ZoneOffset.UTC), deadline(i));
        }
        return new Backlog("MEASURE_DEADLINE", jdbc.queryForList("select id from guardianship_measure "
                + "where created_by = ? and next_deadline_at is not null order by id", Long.class, MARKER));
    }

    private Backlog firstContacts() {
        jdbc.update("update cases_screening set contact_pending_due = null where contact_pending_due < ?",
                LocalDateTime.of(1991, 1, 1, 0, 0));
        List<Long> cases = new java.util.ArrayList<>();
        for (int i = 0; i < BACKLOG; i++) {
            var file = fixtures.openInVillage1();
            jdbc.update("insert into cases_screening (case_id, village_code, first_contact_due, contact_pending_due, "
                    + "version) values (?, ?, ?, ?, 0)", file.id(), file.villageCode(), deadline(i), deadline(i));
            cases.add(file.id());
        }
        return new Backlog("FIRST_CONTACT", cases);
    }

    /** Sweeps until every miss of the backlog has an item at the level; the number of sweeps it took. */
    private int sweepsUntil(DeadlineSweep small, Backlog backlog, String level) {
        int sweeps = 0;
        while (items(backlog, level) < BACKLOG && sweeps < 20) {
            small.sweep();
            sweeps++;
        }
        return sweeps;
    }

    private int items(Backlog backlog, String level) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = ? and level = ? "
                + "and source_id between ? and ?", Integer.class, backlog.kind(), level, backlog.firstId(),
                backlog.lastId());
    }
}

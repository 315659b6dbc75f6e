package cn.childprotect.cms.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The register's and guardianship's statistics sources (docs/domain.md §7.2) against a
 * hand-counted fixture in June 2023 — a month no other test lives in, reached by moving the clock —
 * worked through the real API: three register entries of township 1 with three visits, one of them
 * exited, one never visited; three protection orders, one never decided, and an admonition. The
 * deadline sweep runs on 30 June: a deadline passed and unmet then counts as late on its due day.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatsSourcesTests extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final String TOWNSHIP_1 = "141029100";
    static final String SUMMARY = "/api/v1/stats/summary?from=2023-06-01&to=2023-06-30&scope=" + TOWNSHIP_1;

    @Autowired
    MutableClock clock;

    @Autowired
    StatsMeasures measures;

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    DeadlineSweep sweep;

    @BeforeAll
    void workTheFixture() {
        try {
            // Monday 2023-06-05: the first visit is due within 5 working days, on Monday 2023-06-12
            at(2023, 6, 5, 9, 0);
            long orange = confirmed("ORANGE");
            long yellow = confirmed("YELLOW");
            confirmed("RED"); // never visited: its first visit, due 06-12, is missed
            at(2023, 6, 30, 10, 0);
            visit(orange, "2023-06-09"); // on time (due 06-12); ORANGE: the next is due 15 days later, 06-24
            visit(orange, "2023-06-28"); // late
            visit(yellow, "2023-06-20"); // late (due 06-12)
            ok(transition("director1", yellow, "REQUEST_EXIT", ",\"exitReason\":\"MOVED_AWAY\",\"reason\":\"随父母迁往外省\""));
            ok(transition("supervisor1", yellow, "APPROVE", ""));
            ok(transition("county1", yellow, "CONFIRM", ""));

            at(2023, 6, 5, 10, 0);
            long caseId = fixtures.openInVillage1().id();
            acceptAndAssignToDirector1(caseId);
            long ordinary = measure(caseId, """
                    {"type":"PROTECTION_ORDER","applicant":"城关镇妇联（代为申请）","body":"示范县人民法院",
                     "urgent":false,"occurredAt":"2023-06-05T01:00:00Z"}""");
            long urgent = measure(caseId, """
                    {"type":"PROTECTION_ORDER","applicant":"城关镇妇联（代为申请）","body":"示范县人民法院",
                     "urgent":true,"occurredAt":"2023-06-05T01:00:00Z"}""");
            measure(caseId, """
                    {"type":"PROTECTION_ORDER","applicant":"城关镇妇联（代为申请）","body":"示范县人民法院",
                     "urgent":false,"occurredAt":"2023-06-05T01:00:00Z"}"""); // never decided: due 06-08 01:00Z
            refresh(); // its facts before the limit ran out: only the sweep's event makes it late
            measure(caseId, """
                    {"type":"ADMONITION","body":"城关派出所","occurredAt":"2023-06-05T01:30:00Z"}""");
            at(2023, 6, 7, 9, 0);
            // decided 24 h after filing: within 72 h; 27 h after the urgent one's filing: later than 24 h
            ok(step(ordinary, "{\"step\":\"GRANT\",\"decidedAt\":\"2023-06-06T01:00:00Z\",\"validUntil\":\"2023-09-06T01:00:00Z\"}"));
            ok(step(urgent, "{\"step\":\"REFUSE\",\"decidedAt\":\"2023-06-06T04:00:00Z\"}"));

            // the sweep finds the RED entry's first visit and the third order's decision missed
            at(2023, 6, 30, 12, 0);
            sweep.sweep();
            refresh();
        }
        finally {
            clock.reset();
        }
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void registerAndMeasureCountsMatchTheFixture() {
        refresh();
        StatsSummary s = measures.summary(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 6, 30), TOWNSHIP_1, null,
                supervisor1());
        assertThat(s.count("register.confirmed")).isEqualTo(3);
        assertThat(s.count("register.active")).isEqualTo(2);
        assertThat(s.count("register.exited")).isEqualTo(1);
        assertThat(s.count("register.visits")).isEqualTo(3);
        // on time: orange 06-09; late: orange 06-28 (due 06-24), yellow 06-20 (due 06-12), red never (due 06-12)
        assertThat(s.count("register.visit.on_time")).isEqualTo(1);
        assertThat(s.count("register.visit.late")).isEqualTo(3);
        // late facts count on the due day: yellow's and red's both on 06-12
        assertThat(measures.summary(LocalDate.of(2023, 6, 12), LocalDate.of(2023, 6, 12), TOWNSHIP_1, null,
                supervisor1()).count("register.visit.late")).isEqualTo(2);
        assertThat(s.count("measures.recorded")).isEqualTo(4);
        assertThat(s.count("measures.ended")).isEqualTo(1);
        // on time: the ordinary one; late: the urgent one (decided 27 h after filing), the third never (72 h)
        assertThat(s.count("measures.decision.on_time")).isEqualTo(1);
        assertThat(s.count("measures.decision.late")).isEqualTo(2);
        assertThat(measures.summary(LocalDate.of(2023, 6, 8), LocalDate.of(2023, 6, 8), TOWNSHIP_1, null,
                supervisor1()).count("measures.decision.late")).isEqualTo(1);
        assertThat(s.total("time.decision")).get().satisfies(v -> {
            assertThat(v.count()).isEqualTo(2);
            assertThat(v.medianMinutes()).isEqualTo(1440);
        });
    }

    @Test
    void theApiSplitsThemByCategoryAndState() {
        refresh();
        MvcTestResult byCategory = api().as("supervisor1").get(SUMMARY + "&by=category");
        assertThat(byCategory).hasStatusOk().bodyJson()
                .extractingPath("$.values[?(@.measure=='register.confirmed' && @.group=='LEFT_BEHIND')].count")
                .asArray().containsExactly(3);
        assertThat(byCategory).bodyJson()
                .extractingPath("$.values[?(@.measure=='measures.recorded' && @.group=='PROTECTION_ORDER')].count")
                .asArray().containsExactly(3);
        assertThat(byCategory).bodyJson()
                .extractingPath("$.values[?(@.measure=='measures.ended' && @.group=='ADMONITION')].count")
                .asArray().containsExactly(1);
        MvcTestResult byState = api().as("supervisor1").get(SUMMARY + "&by=state");
        assertThat(byState).hasStatusOk().bodyJson()
                .extractingPath("$.values[?(@.measure=='register.confirmed' && @.group=='ORANGE')].count")
                .asArray().containsExactly(1);
        assertThat(byState).bodyJson()
                .extractingPath("$.values[?(@.measure=='register.exited' && @.group=='YELLOW')].count")
                .asArray().containsExactly(1);
        assertThat(byState).bodyJson()
                .extractingPath("$.values[?(@.measure=='measures.decision.late' && @.group=='REFUSED')].count")
                .asArray().containsExactly(1);
        // another township's supervisor does not see this one
        assertThat(api().as("supervisor2").get(SUMMARY)).hasStatus(404);
    }

    @Test
    void indicatorsOfVisitComplianceAndProtectionOrderDecisions() {
        // now, years later: the orange entry's visit due 07-13 was never made either
        sweep.sweep();
        refresh();
        assertThat(api().as("supervisor1").get("/api/v1/stats/indicators?year=2023&scope=" + TOWNSHIP_1)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.indicators[?(@.code=='REGISTER_VISITS_ON_TIME')].actual")
                            .asArray().singleElement().satisfies(v -> assertThat(((Number) v).doubleValue())
                                    .isCloseTo(1.0 / 5, org.assertj.core.data.Offset.offset(1e-9)));
                    assertThat(json).extractingPath(
                            "$.indicators[?(@.code=='PROTECTION_ORDERS_DECIDED_IN_TIME')].actual")
                            .asArray().singleElement().satisfies(v -> assertThat(((Number) v).doubleValue())
                                    .isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9)));
                    assertThat(json).extractingPath("$.indicators[?(@.code=='REGISTER_VISITS_ON_TIME')].name")
                            .asArray().singleElement().asString().isNotBlank().doesNotStartWith("stats.");
                });
    }

    @Test
    void aRebuildFromScratchGivesTheLiveNumbers() {
        sweep.sweep();
        refresh();
        List<StatsSummary> live = new ArrayList<>();
        for (GroupBy by : new GroupBy[] { null, GroupBy.CATEGORY, GroupBy.STATE, GroupBy.MONTH }) {
            live.add(measures.summary(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), TOWNSHIP_1, by,
                    supervisor1()));
        }
        CurrentUser county = new CurrentUser("county1", "county1", Role.SUPERVISOR, "141029000000", null, null, null);
        measures.rebuild(county);
        List<StatsSummary> again = new ArrayList<>();
        for (GroupBy by : new GroupBy[] { null, GroupBy.CATEGORY, GroupBy.STATE, GroupBy.MONTH }) {
            again.add(measures.summary(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), TOWNSHIP_1, by,
                    supervisor1()));
        }
        assertThat(again).isEqualTo(live);
        assertThat(again.getFirst().count("register.visit.late")).isEqualTo(4);
        assertThat(again.getFirst().count("measures.decision.late")).isEqualTo(2);
    }

    // ------------------------------------------------------------------------------------ fixture

    long confirmed(String tier) {
        MvcTestResult created = api().as("director1").post("/api/v1/register", """
                {"child":{"name":"统计名册%s","sex":"MALE","birthDate":"2016-03-01"},"villageCode":"141029100001",
                 "categories":["LEFT_BEHIND","DISTRESS"],"distressKinds":["POVERTY"],
                 "leftBehind":{"parentsWhereabouts":"父母在广东务工","caregiverName":"王奶奶","caregiverRelation":"祖母",
                               "caregiverPhone":"13900000001"},
                 "household":"城关村三组","school":"城关小学","tier":"%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), tier));
        assertThat(created).hasStatus(201);
        long id = ((Number) read(created, "$.id")).longValue();
        ok(transition("supervisor1", id, "APPROVE", ""));
        ok(transition("county1", id, "CONFIRM", ""));
        return id;
    }

    MvcTestResult transition(String user, long id, String event, String more) {
        long version = ((Number) read(api().as(user).get("/api/v1/register/{id}", id), "$.version")).longValue();
        return api().as(user).post("/api/v1/register/{id}/transitions",
                "{\"event\":\"%s\",\"version\":%d%s}".formatted(event, version, more), id);
    }

    void visit(long id, String on) {
        assertThat(api().as("director1").post("/api/v1/register/{id}/visits", """
                {"visitedOn":"%s","kind":"HOME","personsSeen":"儿童、祖母","observations":"生活正常","safety":"SAFE"}"""
                .formatted(on), id)).hasStatus(201);
    }

    long measure(long caseId, String body) {
        MvcTestResult created = api().as("director1").post("/api/v1/cases/{id}/measures", body, caseId);
        assertThat(created).hasStatus(201);
        return ((Number) read(created, "$.id")).longValue();
    }

    MvcTestResult step(long measureId, String body) {
        long version = ((Number) read(api().as("director1").get("/api/v1/measures/{id}", measureId), "$.version"))
                .longValue();
        return api().as("director1").post("/api/v1/measures/{id}/steps",
                body.replace("{", "{\"version\":" + version + ","), measureId);
    }

    static void ok(MvcTestResult result) {
        assertThat(result).hasStatusOk();
    }

    static CurrentUser supervisor1() {
        return new CurrentUser("supervisor1", "supervisor1", Role.SUPERVISOR, "141029100000", null, null, null);
    }

    /** Drains the pending changes; waits while the scheduled drain holds the lock. */
    void refresh() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(measures::refreshNow);
    }

    void at(int year, int month, int day, int hour, int minute) {
        Instant target = LocalDateTime.of(year, month, day, hour, minute).atZone(ZONE).toInstant();
        clock.reset();
        clock.advance(Duration.between(Instant.now(), target));
    }
}

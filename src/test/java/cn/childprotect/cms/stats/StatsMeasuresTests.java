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
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;
import cn.childprotect.cms.support.TestIds;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Measures against a hand-counted fixture (docs/domain.md, "Statistics"): five reports in one
 * village in March 2025 — a month no other test lives in, reached by moving the clock — worked
 * through the real API, so every fact comes from the real sources (intake, cases, referrals,
 * escalations). Friday 2025-03-07 to Tuesday 2025-03-11 has no holiday: the work-order sign-by
 * deadline (1 working day) of an order dispatched on Friday afternoon falls on Monday afternoon.
 * The deadline sweep runs on Friday 28 March: deadlines passed and still unmet then count as late
 * on their due day, as those met late do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatsMeasuresTests extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    static final LocalDate TO = LocalDate.of(2025, 3, 31);
    static final String TOWNSHIP_1 = "141029100";
    static final String VILLAGE_1 = "141029100001";

    @Autowired
    MutableClock clock;

    @Autowired
    StatsMeasures measures;

    @Autowired
    StatsIndicators indicators;

    @Autowired
    DeadlineSweep sweep;

    static final String ADDRESS = "城关村幸福巷七号";
    static final String SCHOOL = "城关第二小学";
    static final String REPORTER = "统计测试王老师";
    static final String REPORTER_PHONE = "13812345678";

    /** Names and ID numbers of the fixture's children: no export may carry them. */
    final List<String> personal = new ArrayList<>(List.of(ADDRESS, SCHOOL, REPORTER, REPORTER_PHONE));

    @BeforeAll
    void workTheFixture() {
        try {
            at(2025, 3, 7, 9, 0, 0);
            long r1 = report("school1", "MR04", "2025-03-07T07:00:00+08:00");
            long c1 = caseOf(r1);
            long r2 = report("school1", "MR01", "2025-03-06T09:00:00+08:00");
            long c2 = caseOf(r2);
            long c3 = caseOf(report("operator1", "GD04", null));
            long c4 = caseOf(report("operator1", "MR06", null));
            long c5 = caseOf(report("operator1", "MR09", null));
            refresh(); // r4's facts as of 9:00, before its police deadline: only the sweep's event makes it late

            at(2025, 3, 7, 9, 10, 30);
            ok(api().as("supervisor1").fire(c5, "ACCEPT", null));
            at(2025, 3, 7, 9, 20, 30);
            ok(api().as("supervisor1").fire(c3, "SCREEN_OUT", "不属于儿童保护个案"));
            at(2025, 3, 7, 9, 30, 30);
            ok(api().as("supervisor1").fire(c1, "ACCEPT", null));
            // police notified 30 min (in time) and 90 min (late: 1 h) after receipt
            police(r1, Instant.parse("2025-03-07T01:30:30Z"));
            at(2025, 3, 7, 10, 0, 30);
            acceptAndAssignToDirector1(c2);
            at(2025, 3, 7, 10, 30, 30);
            police(r2, Instant.parse("2025-03-07T02:30:30Z"));
            at(2025, 3, 7, 11, 0, 30);
            ok(api().as("supervisor1").fire(c1, "DECLARE_EMERGENCY", "儿童处于危险之中"));
            at(2025, 3, 7, 12, 0, 30);
            acceptAndAssignToDirector1(c4); // 3 h: later than the 2 h of MR06

            at(2025, 3, 7, 16, 0, 30);
            long onTime = id(api().as("director1").dispatch(c2, "XN-PS"));
            long late = id(api().as("director1").dispatch(c4, "XN-PS"));
            id(api().as("director1").dispatch(c2, "XN-EDU")); // never signed
            refresh(); // its facts as of Friday, before its sign-by: only the sweep's event makes it late
            at(2025, 3, 10, 10, 0, 30); // Monday: within one working day
            ok(api().as("police1").post("/api/v1/work-orders/{id}/sign", null, onTime));
            at(2025, 3, 11, 10, 0, 30); // Tuesday: late
            ok(api().as("police1").post("/api/v1/work-orders/{id}/sign", null, late));
            ok(api().as("police1").post("/api/v1/work-orders/{id}/return", "{\"reason\":\"不属于本单位职责\"}", late));

            at(2025, 3, 7, 9, 15, 30);
            completeAssessment("supervisor1", c5, LOW_RISK_ANSWERS);
            ok(api().as("supervisor1").fire(c5, "COMPLETE_ASSESSMENT", null));
            ok(api().as("supervisor1").fire(c5, "REQUEST_CLOSURE", "经核实已无风险"));
            at(2025, 3, 8, 9, 0, 30); // closed 24 h after receipt
            ok(api().as("supervisor1").fire(c5, "APPROVE_CLOSURE", null));

            // the sweep finds the deadlines passed and unmet by then: c4's police notification (r4,
            // MR06: due 1 h after receipt), the XN-EDU order's signing (Monday afternoon), the
            // on-time order's answer (5 working days after signing: Monday 17 March)
            at(2025, 3, 28, 12, 0, 0);
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
    @Order(1)
    void countsAndDurationsMatchTheHandCountedFixture() {
        StatsSummary s = refreshedSummary(null);
        assertThat(s.count("reports.received")).isEqualTo(5);
        assertThat(s.count("cases.opened")).isEqualTo(5);
        assertThat(s.count("cases.screened_out")).isEqualTo(1);
        assertThat(s.count("cases.closed")).isEqualTo(1);
        assertThat(s.count("cases.emergency")).isEqualTo(1);
        assertThat(s.count("cases.merged")).isZero();
        // receipt → acceptance: 10, 30, 60, 180 min; nearest rank: median the 2nd, p90 the 4th. The
        // rollup keeps coarse buckets and reports a percentile as its bucket's lower bound
        // (DurationBuckets); every duration of this fixture (10, 30, 60, 90, 120, 180 min, 24 h) is
        // such a bound, so the figures are the exact ones (DurationBucketsTests has values between).
        assertThat(s.total("time.acceptance")).get().satisfies(v -> {
            assertThat(v.count()).isEqualTo(4);
            assertThat(v.medianMinutes()).isEqualTo(30);
            assertThat(v.p90Minutes()).isEqualTo(180);
        });
        assertThat(s.total("time.closure")).get().satisfies(v -> {
            assertThat(v.count()).isEqualTo(1);
            assertThat(v.medianMinutes()).isEqualTo(1440);
        });
        assertThat(s.total("time.police")).get().satisfies(v -> {
            assertThat(v.medianMinutes()).isEqualTo(30);
            assertThat(v.p90Minutes()).isEqualTo(90);
        });
        // left RECEIVED by the deadline: c1, c2, c5 (2 h), c3 (24 h); c4 after 3 h of 2 h
        assertThat(s.count("sla.acceptance.on_time")).isEqualTo(4);
        assertThat(s.count("sla.acceptance.late")).isEqualTo(1);
        // r1 in 30 min; r2 after 90 min; r4 never (passed unmet); r5's deadline was cleared when c5 closed
        assertThat(s.count("sla.police.on_time")).isEqualTo(1);
        assertThat(s.count("sla.police.late")).isEqualTo(2);
        // working days: Friday 16:00 → signed Monday 10:00 in time, Tuesday 10:00 late, XN-EDU never
        assertThat(s.count("workorders.dispatched")).isEqualTo(3);
        assertThat(s.count("sla.sign.on_time")).isEqualTo(1);
        assertThat(s.count("sla.sign.late")).isEqualTo(2);
        // the on-time order signed Monday 10 March is not answered by Monday 17 March; the late one was returned
        assertThat(s.count("sla.respond.on_time")).isZero();
        assertThat(s.count("sla.respond.late")).isEqualTo(1);
        assertThat(s.count("workorders.returned")).isEqualTo(1);
        // reporting delay (occurred → received) of the two school reports: 120 and 1440 min
        assertThat(s.total("reports.delay")).get().satisfies(v -> {
            assertThat(v.count()).isEqualTo(2);
            assertThat(v.medianMinutes()).isEqualTo(120);
            assertThat(v.p90Minutes()).isEqualTo(1440);
        });
        assertThat(s.count("escalations.raised")).isPositive();
    }

    @Test
    @Order(1)
    void aPassedUnmetDeadlineCountsAsLateOnItsDueDay() {
        refresh();
        CurrentUser supervisor1 = new CurrentUser("supervisor1", "supervisor1", Role.SUPERVISOR, "141029100000", null,
                null, null);
        // late facts count on the due day: r2 and r4 on Friday 7 March, both late signings on Monday 10 March
        StatsSummary friday = measures.summary(LocalDate.of(2025, 3, 7), LocalDate.of(2025, 3, 7), VILLAGE_1, null,
                supervisor1);
        assertThat(friday.count("sla.police.late")).isEqualTo(2);
        StatsSummary monday = measures.summary(LocalDate.of(2025, 3, 10), LocalDate.of(2025, 3, 10), VILLAGE_1, null,
                supervisor1);
        assertThat(monday.count("sla.sign.on_time")).isEqualTo(1);
        assertThat(monday.count("sla.sign.late")).isEqualTo(2);
        assertThat(measures.summary(LocalDate.of(2025, 3, 17), LocalDate.of(2025, 3, 17), VILLAGE_1, null,
                supervisor1).count("sla.respond.late")).isEqualTo(1);
        assertThat(refreshedSummary(GroupBy.AGENCY).count("sla.sign.late", "XN-EDU")).isEqualTo(1);
        // compliance = on time / every deadline passed: 1 of 3 for the police, 1 of 3 for signing
        CurrentUser county = new CurrentUser("county1", "county1", Role.SUPERVISOR, "141029000000", null, null, null);
        List<IndicatorValue> year = indicators.indicators(2025, TOWNSHIP_1, county).indicators();
        assertThat(march(year, "POLICE_NOTIFIED_WITHIN_SLA")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(march(year, "WORK_ORDERS_SIGNED_ON_TIME")).isCloseTo(1.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(march(year, "WORK_ORDERS_ANSWERED_ON_TIME")).isZero();
        assertThat(march(year, "ACCEPTED_WITHIN_SLA")).isCloseTo(4.0 / 5, org.assertj.core.data.Offset.offset(1e-9));
    }

    private static Double march(List<IndicatorValue> values, String code) {
        return values.stream().filter(v -> v.code().equals(code)).findFirst().orElseThrow().months().stream()
                .filter(m -> m.month().equals("2025-03")).findFirst().orElseThrow().value();
    }

    @Test
    @Order(2)
    void splitsByCategoryChannelInstitutionStateAgencyAndPlace() {
        StatsSummary byCategory = refreshedSummary(GroupBy.CATEGORY);
        assertThat(byCategory.count("cases.opened", "MR04")).isEqualTo(1);
        assertThat(byCategory.count("cases.opened", "GD04")).isEqualTo(1);
        assertThat(byCategory.count("escalations.raised", "EMERGENCY_DECLARED")).isEqualTo(1);
        StatsSummary byChannel = refreshedSummary(GroupBy.CHANNEL);
        assertThat(byChannel.count("reports.received", "INSTITUTION")).isEqualTo(2);
        assertThat(byChannel.count("reports.received", "HOTLINE")).isEqualTo(3);
        StatsSummary byInstitution = refreshedSummary(GroupBy.INSTITUTION);
        assertThat(byInstitution.count("reports.received", "SCHOOL")).isEqualTo(2);
        // the three hotline reports have no institution type: in the total, in no group
        assertThat(byInstitution.count("reports.received")).isEqualTo(5);
        assertThat(byInstitution.values()).filteredOn(v -> v.measure().equals("reports.received")).hasSize(2);
        assertThat(byInstitution.total("reports.delay")).isPresent();
        assertThat(byInstitution.values()).filteredOn(v -> v.measure().equals("reports.delay")
                && v.group().equals("SCHOOL")).singleElement().satisfies(v -> assertThat(v.medianMinutes()).isEqualTo(120));
        StatsSummary byState = refreshedSummary(GroupBy.STATE);
        assertThat(byState.count("cases.opened", "EMERGENCY")).isEqualTo(1);
        assertThat(byState.count("cases.opened", "ASSESSING")).isEqualTo(2);
        assertThat(byState.count("cases.opened", "SCREENED_OUT")).isEqualTo(1);
        assertThat(byState.count("cases.opened", "CLOSED")).isEqualTo(1);
        assertThat(refreshedSummary(GroupBy.AGENCY).count("sla.sign.on_time", "XN-PS")).isEqualTo(1);
        assertThat(refreshedSummary(GroupBy.VILLAGE).count("cases.opened", VILLAGE_1)).isEqualTo(5);
        assertThat(refreshedSummary(GroupBy.TOWNSHIP).count("cases.opened", TOWNSHIP_1)).isEqualTo(5);
        assertThat(refreshedSummary(GroupBy.MONTH).count("cases.opened", "2025-03")).isEqualTo(5);
    }

    @Test
    @Order(2)
    void aPeriodOfDaysAndWholeMonthsAddsTheDailyAndTheMonthlyRows() {
        refresh();
        CurrentUser supervisor1 = new CurrentUser("supervisor1", "supervisor1", Role.SUPERVISOR, "141029100000", null,
                null, null);
        // days only (daily rows): all five reports came on Friday 7 March, c5 closed on Saturday 8 March
        StatsSummary friday = measures.summary(LocalDate.of(2025, 3, 7), LocalDate.of(2025, 3, 7), VILLAGE_1, null,
                supervisor1);
        assertThat(friday.count("reports.received")).isEqualTo(5);
        assertThat(friday.count("cases.closed")).isZero();
        assertThat(measures.summary(LocalDate.of(2025, 3, 8), LocalDate.of(2025, 3, 9), VILLAGE_1, null, supervisor1)
                .count("cases.closed")).isEqualTo(1);
        // 28 February (daily rows) + March (monthly) + 1 April (daily): the counts of the three added
        StatsSummary across = measures.summary(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 4, 1), TOWNSHIP_1,
                null, supervisor1);
        StatsSummary march = summary(null);
        StatsSummary feb28 = measures.summary(LocalDate.of(2025, 2, 28), LocalDate.of(2025, 2, 28), TOWNSHIP_1, null,
                supervisor1);
        StatsSummary april1 = measures.summary(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 4, 1), TOWNSHIP_1, null,
                supervisor1);
        assertThat(across.values()).isNotEmpty();
        for (MeasureValue v : across.values()) {
            assertThat(v.count()).as(v.measure()).isEqualTo(
                    march.count(v.measure()) + feb28.count(v.measure()) + april1.count(v.measure()));
        }
        assertThat(across.count("cases.opened")).isGreaterThanOrEqualTo(5);
    }

    @Test
    @Order(3)
    void theApiIsScopedToTheCaller() {
        String uri = "/api/v1/stats/summary?from=2025-03-01&to=2025-03-31&scope=" + TOWNSHIP_1 + "&by=channel";
        assertThat(api().as("supervisor1").get(uri)).hasStatusOk().bodyJson()
                .extractingPath("$.values[?(@.measure=='cases.opened' && @.group=='')].count").asArray().containsExactly(5);
        assertThat(api().as("county1").get(uri)).hasStatusOk();
        assertThat(api().as("director1").get(uri.replace("scope=" + TOWNSHIP_1, "scope=" + VILLAGE_1))).hasStatusOk();
        // another township, a sibling village: not found, not forbidden
        assertThat(api().as("supervisor2").get(uri)).hasStatus(404);
        assertThat(api().as("director2").get(uri.replace("scope=" + TOWNSHIP_1, "scope=" + VILLAGE_1))).hasStatus(404);
        // supervisor2's own township had nothing that month
        assertThat(api().as("supervisor2").get("/api/v1/stats/summary?from=2025-03-01&to=2025-03-31")).hasStatusOk()
                .bodyJson().extractingPath("$.values[?(@.measure=='cases.opened')]").asArray().isEmpty();
        assertThat(api().as("police1").get(uri)).hasStatus(403);
        assertThat(api().as("admin").get(uri)).hasStatus(403);
        assertThat(api().as("county1").get(uri.replace("by=channel", "by=colour"))).hasStatus(400);
        assertThat(api().as("county1").get("/api/v1/stats/summary?from=2025-04-01&to=2025-03-01")).hasStatus(400);
    }

    @Test
    @Order(4)
    void aRebuildFromScratchGivesTheLiveNumbers() {
        // now, long after March 2025: the sweep finds what passed since the 28th; the rebuild states
        // every fact at now too
        sweep.sweep();
        List<StatsSummary> live = new ArrayList<>();
        live.add(refreshedSummary(null));
        for (GroupBy by : GroupBy.values()) {
            live.add(refreshedSummary(by));
        }
        CurrentUser county = new CurrentUser("county1", "county1", Role.SUPERVISOR, "141029000000", null, null, null);
        StatsMeasures.RebuildSummary rebuilt = measures.rebuild(county);
        assertThat(rebuilt.sources()).contains("intake.report", "intake.case", "referrals.work_order",
                "escalations.escalation");
        assertThat(rebuilt.subjects()).isGreaterThanOrEqualTo(5);
        List<StatsSummary> again = new ArrayList<>();
        again.add(summary(null));
        for (GroupBy by : GroupBy.values()) {
            again.add(summary(by));
        }
        assertThat(again).isEqualTo(live);
        assertThat(again.getFirst().count("cases.opened")).isEqualTo(5);
    }

    @Test
    @Order(5)
    void indicatorsOfTheYearInTheCallersScope() {
        refresh();
        assertThat(api().as("supervisor1").get("/api/v1/stats/indicators?year=2025&scope=" + TOWNSHIP_1)).hasStatusOk()
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.indicators[?(@.code=='ACCEPTED_WITHIN_SLA')].actual").asArray()
                            .containsExactly(0.8);
                    assertThat(json).extractingPath(
                            "$.indicators[?(@.code=='ACCEPTED_WITHIN_SLA')].months[?(@.month=='2025-03')].value")
                            .asArray().containsExactly(0.8);
                    // signed on time 1 of 3: one signed late, one never signed
                    assertThat(json).extractingPath("$.indicators[?(@.code=='WORK_ORDERS_SIGNED_ON_TIME')].actual")
                            .asArray().containsExactly(1.0 / 3);
                    assertThat(json).extractingPath("$.indicators[?(@.code=='ACCEPTED_WITHIN_SLA')].name").asArray()
                            .containsExactly("报告按时受理率");
                });
        assertThat(api().as("supervisor2").get("/api/v1/stats/indicators?year=2025&scope=" + TOWNSHIP_1)).hasStatus(404);
        assertThat(api().as("police1").get("/api/v1/stats/indicators")).hasStatus(403);
    }

    @Test
    @Order(6)
    void theCaseListCarriesCaseNumbersButNoPersonInCsvOrXlsx() throws Exception {
        refresh();
        String query = "?from=2025-03-01&to=2025-03-31&scope=" + TOWNSHIP_1;
        MvcTestResult csv = api().as("supervisor1").get("/api/v1/stats/export/cases.csv" + query);
        assertThat(csv).hasStatusOk().hasHeader("Content-Type", "text/csv;charset=UTF-8");
        String text = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        List<String> lines = text.lines().toList();
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).startsWith("\uFEFF个案编号,");
        assertThat(lines.subList(1, 6)).allSatisfy(line -> assertThat(line).matches("CP-141029-2025-\\d{6},2025-03-07,.*"));
        assertThat(text).contains("不予立案").contains(",180,");
        assertThat(personal).allSatisfy(p -> assertThat(text).doesNotContain(p));

        MvcTestResult xlsx = api().as("supervisor1").get("/api/v1/stats/export/cases.xlsx" + query);
        assertThat(xlsx).hasStatusOk();
        List<String> cells = new ArrayList<>();
        int rows;
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            var sheetRows = workbook.getFirstSheet().read();
            rows = sheetRows.size();
            sheetRows.forEach(r -> r.forEach(c -> cells.add(c == null ? "" : c.getRawValue())));
        }
        assertThat(rows).isEqualTo(6);
        assertThat(cells).anySatisfy(c -> assertThat(c).startsWith("CP-141029-2025-"));
        assertThat(personal).allSatisfy(p -> assertThat(cells).noneSatisfy(c -> assertThat(c).contains(p)));

        assertThat(api().as("supervisor2").get("/api/v1/stats/export/cases.csv" + query)).hasStatus(404);
        assertThat(api().as("admin").get("/api/v1/admin/audit?action=STATS_EXPORTED&actor=supervisor1")).hasStatusOk()
                .bodyJson().extractingPath("$.items[*].detail").asArray()
                .anySatisfy(d -> assertThat(d.toString()).contains("scope=141029100", "rows=5"));
    }

    @Test
    @Order(7)
    void aggregateExportsShowCountsUnderFiveAsLessThanFive() throws Exception {
        refresh();
        String query = "?from=2025-03-01&to=2025-03-31&scope=" + TOWNSHIP_1 + "&by=channel";
        MvcTestResult csv = api().as("supervisor1").get("/api/v1/stats/export/summary.csv" + query);
        assertThat(csv).hasStatusOk();
        List<String> lines = csv.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).contains("cases.opened,立案,合计,5,,");
        assertThat(lines).contains("reports.received,收到报告,HOTLINE,<5,,");
        // a duration over fewer than five cases hides its percentiles too
        assertThat(lines).contains("time.acceptance,接报至受理用时,合计,<5,<5,<5");
        assertThat(lines).noneSatisfy(l -> assertThat(l).matches(".*,[1-4],.*"));
        MvcTestResult xlsx = api().as("county1").get("/api/v1/stats/export/summary.xlsx" + query);
        assertThat(xlsx).hasStatusOk();
        List<String> cells = new ArrayList<>();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            workbook.getFirstSheet().read().forEach(r -> r.forEach(c -> cells.add(c == null ? "" : c.getRawValue())));
        }
        assertThat(cells).contains("<5", "5").doesNotContain("1", "2", "3", "4");
    }

    @Test
    @Order(8)
    void theDashboardShowsTheScopeAndDrillsDown() throws Exception {
        refresh();
        jakarta.servlet.http.Cookie county = formLogin("county1");
        String page = mvc.get().uri("/stats?year=2025").cookie(county).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("统计监测", "报告按时受理率", "data-chart=\"line\"", "/webjars/echarts/5.3.1/dist/echarts.min.js")
                .contains("scope=" + TOWNSHIP_1); // a township links to its villages
        jakarta.servlet.http.Cookie supervisor = formLogin("supervisor1");
        var township = mvc.get().uri("/stats?year=2025&scope=" + TOWNSHIP_1).cookie(supervisor).exchange();
        assertThat(township).hasStatusOk();
        assertThat(township.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("各村（居）立案数").contains("<td>5</td>");
        assertThat(mvc.get().uri("/stats?year=2025&scope=" + TOWNSHIP_1).cookie(formLogin("supervisor2")).exchange())
                .hasStatus(404);
        assertThat(mvc.get().uri("/webjars/echarts/5.3.1/dist/echarts.min.js").exchange()).hasStatusOk();
        var export = mvc.get().uri("/stats/export/cases.csv?from=2025-03-01&to=2025-03-31&scope=" + TOWNSHIP_1)
                .cookie(supervisor).exchange();
        assertThat(export).hasStatusOk();
        assertThat(export.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8).lines()).hasSize(6);
    }

    @Test
    @Order(9)
    void theAnnualMonitoringReportHasIndicatorsMeasuresAndPlaces() throws Exception {
        refresh();
        MvcTestResult xlsx = api().as("supervisor1").get("/api/v1/stats/report/annual.xlsx?year=2025&scope=" + TOWNSHIP_1);
        assertThat(xlsx).hasStatusOk();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(
                new java.io.ByteArrayInputStream(xlsx.getResponse().getContentAsByteArray()))) {
            List<org.dhatim.fastexcel.reader.Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(org.dhatim.fastexcel.reader.Sheet::getName)
                    .containsExactly("监测指标", "统计数据", "各村（居）立案数");
            List<List<String>> indicators = cells(sheets.get(0));
            assertThat(indicators.getFirst().getFirst()).contains("2025", "监测评估报告");
            assertThat(indicators).anySatisfy(row -> assertThat(row).startsWith("报告按时受理率", "0.95", "0.8"));
            List<List<String>> measureRows = cells(sheets.get(1));
            assertThat(measureRows).anySatisfy(row -> assertThat(row).startsWith("cases.opened", "立案", "5", "0"));
            assertThat(measureRows).anySatisfy(row -> assertThat(row).startsWith("cases.emergency", "应急处置", "<5"));
            assertThat(cells(sheets.get(2))).anySatisfy(row -> assertThat(row.get(2)).isEqualTo("5"));
        }
        assertThat(api().as("supervisor2").get("/api/v1/stats/report/annual.xlsx?year=2025&scope=" + TOWNSHIP_1))
                .hasStatus(404);
    }

    static List<List<String>> cells(org.dhatim.fastexcel.reader.Sheet sheet) throws java.io.IOException {
        List<List<String>> rows = new ArrayList<>();
        for (var row : sheet.read()) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> cells.add(c == null ? "" : c.getRawValue()));
            rows.add(cells);
        }
        return rows;
    }

    jakarta.servlet.http.Cookie formLogin(String username) {
        var login = mvc.post().uri("/login").param("username", username).param("password", PASSWORD)
                .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf())
                .exchange();
        assertThat(login).hasStatus3xxRedirection();
        return login.getResponse().getCookie("SESSION");
    }

    /** Drains the pending changes; waits while the scheduled drain of this or another instance holds the lock. */
    void refresh() {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(measures::refreshNow);
    }

    StatsSummary refreshedSummary(GroupBy by) {
        refresh();
        return summary(by);
    }

    StatsSummary summary(GroupBy by) {
        CurrentUser supervisor1 = new CurrentUser("supervisor1", "supervisor1", Role.SUPERVISOR, "141029100000", null,
                null, null);
        return measures.summary(FROM, TO, TOWNSHIP_1, by, supervisor1);
    }

    void at(int year, int month, int day, int hour, int minute, int second) {
        Instant target = LocalDateTime.of(year, month, day, hour, minute, second).atZone(ZONE).toInstant();
        clock.reset();
        clock.advance(Duration.between(Instant.now(), target));
    }

    long report(String user, String category, String occurredAt) {
        String name = TestIds.uniqueName();
        LocalDate birth = TestIds.childBirthDate();
        String idNumber = TestIds.idNumber(birth, false);
        personal.addAll(List.of(name, idNumber));
        String body = """
                {"channel":"HOTLINE","categories":["%s"],"villageCode":"%s",%s"narrative":"统计测试",
                 "child":{"name":"%s","sex":"MALE","birthDate":"%s","idNumber":"%s","villageCode":"%s",
                          "address":"%s","school":"%s"},
                 "reporter":{"anonymous":false,"name":"%s","phone":"%s"}}"""
                .formatted(category, VILLAGE_1, occurredAt == null ? "" : "\"occurredAt\":\"" + occurredAt + "\",",
                        name, birth, idNumber, VILLAGE_1, ADDRESS, SCHOOL, REPORTER, REPORTER_PHONE);
        MvcTestResult result = mvc.post().uri("/api/v1/reports").header("Authorization", basic(user))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        assertThat(result).hasStatus(201);
        return ((Number) read(result, "$.reportId")).longValue();
    }

    long caseOf(long reportId) {
        MvcTestResult report = api().as("supervisor1").get("/api/v1/reports/{id}", reportId);
        assertThat(report).hasStatusOk();
        return ((Number) read(report, "$.caseId")).longValue();
    }

    void police(long reportId, Instant notifiedAt) {
        assertThat(mvc.put().uri("/api/v1/reports/{id}/police-notification", reportId)
                .header("Authorization", basic("supervisor1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"notifiedAt\":\"%s\",\"station\":\"城关派出所\",\"receiptNumber\":\"J2025\"}"
                        .formatted(notifiedAt))
                .exchange()).hasStatusOk();
    }

    static void ok(MvcTestResult result) {
        assertThat(result).hasStatus2xxSuccessful();
    }

    static long id(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        return ((Number) read(result, "$.id")).longValue();
    }
}

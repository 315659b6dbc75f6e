package cn.childprotect.cms.guardianship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 13: guardianship measures, their step tables, legal deadlines, closure guard and scoping. */
class MeasureTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    BusinessTime time;

    @Autowired
    MutableClock clock;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DeadlineSweep sweep;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    long workedCase() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        return caseId;
    }

    MvcTestResult post(String user, String uri, String body) {
        return mvc.post().uri(uri).header("Authorization", basic(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    MvcTestResult record(String user, long caseId, String body) {
        return post(user, "/api/v1/cases/" + caseId + "/measures", body);
    }

    MvcTestResult step(String user, long measureId, String body) {
        long version = ((Number) read(get("director1".equals(user) || user.startsWith("supervisor") ? user : "supervisor1",
                measureId), "$.version")).longValue();
        return post(user, "/api/v1/measures/" + measureId + "/steps", body.replace("{", "{\"version\":" + version + ","));
    }

    MvcTestResult get(String user, long measureId) {
        return mvc.get().uri("/api/v1/measures/{id}", measureId).header("Authorization", basic(user)).exchange();
    }

    static long id(MvcTestResult result) {
        return ((Number) read(result, "$.id")).longValue();
    }

    static Instant instant(MvcTestResult result, String path) {
        return Instant.parse(read(result, path));
    }

    Instant now() {
        return time.now().truncatedTo(ChronoUnit.SECONDS);
    }

    long protectionOrder(long caseId, boolean urgent, Instant filedAt) {
        MvcTestResult created = record("director1", caseId, """
                {"type":"PROTECTION_ORDER","applicant":"城关镇妇联（代为申请）","body":"示范县人民法院",
                 "urgent":%s,"occurredAt":"%s"}""".formatted(urgent, filedAt));
        assertThat(created).hasStatus(201);
        return id(created);
    }

    @Test
    void protectionOrderDecisionIsDue72HoursAfterFilingAnd24WhenUrgent() {
        long caseId = workedCase();
        Instant filed = now().minus(1, ChronoUnit.HOURS);
        MvcTestResult normal = get("director1", protectionOrder(caseId, false, filed));
        assertThat(instant(normal, "$.nextDeadline")).isEqualTo(filed.plus(72, ChronoUnit.HOURS));
        assertThat(normal).bodyJson().extractingPath("$.deadlineKind").isEqualTo("DECISION");
        assertThat(normal).bodyJson().extractingPath("$.status").isEqualTo("FILED");
        MvcTestResult urgent = get("director1", protectionOrder(caseId, true, filed));
        assertThat(instant(urgent, "$.nextDeadline")).isEqualTo(filed.plus(24, ChronoUnit.HOURS));
    }

    @Test
    void protectionOrderGrantedForAtMostSixMonthsReviewedThirtyDaysBeforeItEnds() {
        long caseId = workedCase();
        long id = protectionOrder(caseId, false, now().minus(2, ChronoUnit.DAYS));
        Instant decided = now().minus(1, ChronoUnit.DAYS);
        Instant sixMonths = ZonedDateTime.ofInstant(decided, time.zone()).plusMonths(6).toInstant();

        // longer than six months (反家暴法 art. 30): refused, nothing changes
        assertThat(step("director1", id, """
                {"step":"GRANT","decidedAt":"%s","validUntil":"%s"}""".formatted(decided, sixMonths.plus(1, ChronoUnit.DAYS))))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("validUntil");
        assertThat(get("director1", id)).bodyJson().extractingPath("$.status").isEqualTo("FILED");
        // a step that is not of this status, and one that is not of this type
        assertThat(step("director1", id, "{\"step\":\"EXPIRE\"}")).hasStatus(409);
        assertThat(step("director1", id, "{\"step\":\"SERVE\"}")).hasStatus(409);

        MvcTestResult granted = step("director1", id, """
                {"step":"GRANT","decidedAt":"%s","validUntil":"%s"}""".formatted(decided, sixMonths));
        assertThat(granted).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("GRANTED");
        assertThat(granted).bodyJson().extractingPath("$.deadlineKind").isEqualTo("REVIEW");
        assertThat(instant(granted, "$.nextDeadline")).isEqualTo(sixMonths.minus(30, ChronoUnit.DAYS));

        // not expired before its end
        assertThat(step("director1", id, "{\"step\":\"EXPIRE\"}")).hasStatus(409).bodyJson()
                .extractingPath("$.type").asString().endsWith("protection-order-still-valid");
        // the review: the end itself is the next deadline
        MvcTestResult reviewed = step("director1", id, "{\"step\":\"REVIEW\",\"note\":\"侵害未再发生，到期后不再申请延长\"}");
        assertThat(reviewed).hasStatusOk().bodyJson().extractingPath("$.deadlineKind").isEqualTo("LAPSE");
        assertThat(instant(reviewed, "$.nextDeadline")).isEqualTo(sixMonths);

        // a stale version is refused
        assertThat(post("director1", "/api/v1/measures/" + id + "/steps", "{\"step\":\"REVOKE\",\"version\":0,\"note\":\"x\"}"))
                .hasStatus(412);
        MvcTestResult revoked = step("supervisor1", id, "{\"step\":\"REVOKE\",\"note\":\"申请人申请撤销\"}");
        assertThat(revoked).hasStatusOk().bodyJson().extractingPath("$.ended").isEqualTo(true);
        assertThat(revoked).bodyJson().extractingPath("$.nextDeadline").isNull();
        assertThat(revoked).bodyJson().extractingPath("$.history[*].step").asArray()
                .containsExactly(null, "GRANT", "REVIEW", "REVOKE");
    }

    @Test
    void refusedOrderMayBeReconsideredWithinFiveDaysOnly() {
        long caseId = workedCase();
        long id = protectionOrder(caseId, true, now().minus(3, ChronoUnit.HOURS));
        Instant decided = now().minus(1, ChronoUnit.HOURS);
        MvcTestResult refused = step("director1", id, "{\"step\":\"REFUSE\",\"decidedAt\":\"%s\"}".formatted(decided));
        assertThat(refused).hasStatusOk().bodyJson().extractingPath("$.deadlineKind").isEqualTo("RECONSIDERATION");
        assertThat(instant(refused, "$.nextDeadline")).isEqualTo(decided.plus(5, ChronoUnit.DAYS));

        clock.advance(Duration.ofDays(6));
        assertThat(step("director1", id, "{\"step\":\"RECONSIDER\"}")).hasStatus(409).bodyJson()
                .extractingPath("$.type").asString().endsWith("reconsideration-period-over");
        assertThat(step("director1", id, "{\"step\":\"CLOSE\",\"note\":\"未申请复议\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("CLOSED");

        long second = protectionOrder(caseId, false, now().minus(3, ChronoUnit.HOURS));
        assertThat(step("director1", second, "{\"step\":\"REFUSE\",\"decidedAt\":\"%s\"}".formatted(now()))).hasStatusOk();
        assertThat(step("director1", second, "{\"step\":\"RECONSIDER\"}")).hasStatusOk().bodyJson()
                .extractingPath("$.status").isEqualTo("RECONSIDERING");
        // an order shorter than the review period: its end is the next deadline, not an overdue review
        Instant end = now().plus(20, ChronoUnit.DAYS);
        MvcTestResult granted = step("director1", second, "{\"step\":\"GRANT\",\"decidedAt\":\"%s\",\"validUntil\":\"%s\"}"
                .formatted(now(), end));
        assertThat(granted).hasStatusOk().bodyJson().extractingPath("$.deadlineKind").isEqualTo("LAPSE");
        assertThat(instant(granted, "$.nextDeadline")).isEqualTo(end);
    }

    @Test
    void temporaryGuardianshipIsReviewedAndEndedByASupervisorAndOffersTheEmergency() {
        long caseId = workedCase(); // ASSESSING
        Instant placed = now();
        MvcTestResult created = record("director1", caseId, """
                {"type":"TEMPORARY_GUARDIANSHIP","ground":"GD05","placement":"RESCUE_CENTER",
                 "place":"示范县未成年人救助保护中心","occurredAt":"%s"}""".formatted(placed));
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.offeredCaseEvents").asArray()
                .containsExactly("DECLARE_EMERGENCY");
        assertThat(instant(created, "$.nextDeadline")).isEqualTo(placed.plus(30, ChronoUnit.DAYS));
        long id = id(created);
        assertThat(record("director1", caseId, """
                {"type":"TEMPORARY_GUARDIANSHIP","ground":"XX01","placement":"RELATIVES","place":"外祖父母家",
                 "occurredAt":"%s"}""".formatted(now()))).hasStatus(400);
        assertThat(record("director1", caseId, "{\"type\":\"TEMPORARY_GUARDIANSHIP\"}")).hasStatus(400).bodyJson()
                .extractingPath("$.errors.length()").isEqualTo(4);

        clock.advance(Duration.ofDays(10));
        MvcTestResult reviewed = step("director1", id, "{\"step\":\"REVIEW\",\"note\":\"儿童适应良好\"}");
        assertThat(reviewed).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("STARTED");
        assertThat(instant(reviewed, "$.nextDeadline")).isCloseTo(now().plus(30, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
        // returning the child is a supervisor's decision
        assertThat(step("director1", id, "{\"step\":\"END\",\"note\":\"监护人经评估具备监护能力\"}")).hasStatus(403);
        assertThat(step("supervisor1", id, "{\"step\":\"END\",\"note\":\"监护人经评估具备监护能力，交还并定期回访\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("ENDED");
        assertThat(step("supervisor1", id, "{\"step\":\"CONVERT\",\"note\":\"x\"}")).hasStatus(409);
    }

    @Test
    void warningLetterIsServedAndChecked() {
        long caseId = workedCase();
        MvcTestResult created = record("director1", caseId, """
                {"type":"WARNING_LETTER","body":"城关派出所","referenceNumber":"城公(家)告字〔2026〕17号",
                 "occurredAt":"%s"}""".formatted(now()));
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("ISSUED");
        long id = id(created);
        assertThat(step("director1", id, "{\"step\":\"CHECK\",\"note\":\"入户查访\"}")).hasStatus(409);
        assertThat(step("director1", id, "{\"step\":\"SERVE\"}")).hasStatus(400);
        assertThat(step("director1", id, """
                {"step":"SERVE","servedOn":"加害人","servedAt":"%s","committeeNotified":"城关村村民委员会"}"""
                .formatted(now()))).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("SERVED");
        clock.advance(Duration.ofDays(20));
        MvcTestResult checked = step("director1", id, "{\"step\":\"CHECK\",\"note\":\"入户查访，未发现新的暴力行为\"}");
        assertThat(checked).hasStatusOk().bodyJson().extractingPath("$.deadlineKind").isEqualTo("CHECK");
        assertThat(instant(checked, "$.nextDeadline")).isCloseTo(now().plus(30, ChronoUnit.DAYS), within(1, ChronoUnit.MINUTES));
        assertThat(step("director1", id, "{\"step\":\"CLOSE\",\"note\":\"查访期满\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.ended").isEqualTo(true);
    }

    @Test
    void guardianshipRevocationThenRestorationWithItsObservationPeriod() {
        long caseId = workedCase();
        MvcTestResult created = record("director1", caseId, """
                {"type":"GUARDIANSHIP_REVOCATION","applicant":"示范县民政局","body":"示范县人民法院",
                 "groundsText":"监护人严重损害被监护人身心健康"}""");
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.status").isEqualTo("PREPARED");
        long id = id(created);
        assertThat(step("director1", id, "{\"step\":\"FILE\",\"occurredAt\":\"%s\",\"body\":\"示范县人民法院\"}"
                .formatted(now()))).hasStatusOk();
        assertThat(step("director1", id, "{\"step\":\"HEAR\",\"occurredAt\":\"%s\"}".formatted(now()))).hasStatusOk();
        assertThat(step("director1", id, "{\"step\":\"JUDGE\",\"decidedAt\":\"%s\",\"revoked\":true}".formatted(now())))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("newGuardian");
        assertThat(step("director1", id, """
                {"step":"JUDGE","decidedAt":"%s","revoked":true,"newGuardian":"示范县民政局"}""".formatted(now())))
                .hasStatusOk().bodyJson().extractingPath("$.ended").isEqualTo(true);
        assertThat(step("director1", id, "{\"step\":\"APPLY_RESTORATION\",\"observationUntil\":\"%s\"}"
                .formatted(now().plus(40, ChronoUnit.DAYS)))).hasStatus(400);
        Instant until = now().plus(180, ChronoUnit.DAYS);
        MvcTestResult observing = step("director1", id, "{\"step\":\"APPLY_RESTORATION\",\"observationUntil\":\"%s\"}"
                .formatted(until));
        assertThat(observing).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("OBSERVING");
        assertThat(instant(observing, "$.nextDeadline")).isEqualTo(until);
        assertThat(step("director1", id, "{\"step\":\"RESTORE\",\"note\":\"考察期满，确有悔改表现\"}")).hasStatusOk()
                .bodyJson().extractingPath("$.status").isEqualTo("RESTORED");
    }

    @Test
    void anOpenPlacementBlocksClosureUntilItEnds() {
        long caseId = workedCase();
        completeAssessment("director1", caseId, LOW_RISK_ANSWERS);
        assertThat(fire("director1", caseId, "COMPLETE_ASSESSMENT", null)).hasStatusOk();
        long id = id(record("director1", caseId, """
                {"type":"SHELTER","place":"城关镇临时庇护所","occurredAt":"%s"}""".formatted(now())));
        assertThat(fire("director1", caseId, "REQUEST_CLOSURE", "已处置完毕")).hasStatus(422).bodyJson()
                .extractingPath("$.detail").asString().contains("监护干预措施");
        assertThat(step("director1", id, "{\"step\":\"END\",\"note\":\"儿童已返回安全的家庭\"}")).hasStatusOk();
        assertThat(fire("director1", caseId, "REQUEST_CLOSURE", "已处置完毕")).hasStatusOk();

        // every step is on the case timeline
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$[?(@.kind=='MEASURE')].reference").asArray()
                .containsOnly("measure:" + id).hasSize(2);
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$[?(@.kind=='MEASURE')].note").asArray()
                .anySatisfy(note -> assertThat(note).asString().contains("临时庇护").contains("结束安置")
                        .contains("儿童已返回安全的家庭"));
        // no new measure while closure is pending
        assertThat(record("director1", caseId, """
                {"type":"SHELTER","place":"城关镇临时庇护所","occurredAt":"%s"}""".formatted(now()))).hasStatus(409);
    }

    @Test
    void anOpenPlacementBlocksScreeningTheCaseOutUntilItEnds() {
        long caseId = workedCase(); // ASSESSING
        long id = id(record("director1", caseId, """
                {"type":"SHELTER","place":"城关镇临时庇护所","occurredAt":"%s"}""".formatted(now())));
        assertThat(fire("supervisor1", caseId, "SCREEN_OUT", "不属于儿童保护范围")).hasStatus(422).bodyJson()
                .extractingPath("$.detail").asString().contains("监护干预措施");
        assertThat(step("director1", id, "{\"step\":\"END\",\"note\":\"儿童已返回安全的家庭\"}")).hasStatusOk();
        assertThat(fire("supervisor1", caseId, "SCREEN_OUT", "不属于儿童保护范围")).hasStatusOk();
    }

    @Test
    void scopedLikeCases404OutsideAnd403ForAReporter() {
        long caseId = workedCase();
        long id = protectionOrder(caseId, false, now());
        assertThat(get("director1", id)).hasStatusOk();
        assertThat(get("supervisor1", id)).hasStatusOk();
        assertThat(get("county1", id)).hasStatusOk();
        assertThat(get("director2", id)).hasStatus(404);
        assertThat(get("supervisor2", id)).hasStatus(404);
        assertThat(get("school1", id)).hasStatus(403);
        assertThat(get("police1", id)).hasStatus(404); // an agency sees it only through an order of its own
        assertThat(record("supervisor2", caseId, "{\"type\":\"LEGAL_AID\",\"body\":\"县法律援助中心\",\"referenceNumber\":\"1\"}"))
                .hasStatus(404);
        assertThat(record("school1", caseId, "{\"type\":\"LEGAL_AID\",\"body\":\"县法律援助中心\",\"referenceNumber\":\"1\"}"))
                .hasStatus(403);
        assertThat(post("director2", "/api/v1/measures/" + id + "/steps", "{\"step\":\"REVIEW\",\"version\":0,\"note\":\"x\"}"))
                .hasStatus(404);

        String list = "/api/v1/measures?type=PROTECTION_ORDER&status=FILED";
        assertThat(mvc.get().uri(list).header("Authorization", basic("supervisor1"))).hasStatusOk().bodyJson()
                .extractingPath("$[*].id").asArray().contains((int) id);
        assertThat(mvc.get().uri(list).header("Authorization", basic("director1"))).hasStatusOk().bodyJson()
                .extractingPath("$[*].id").asArray().contains((int) id);
        assertThat(mvc.get().uri(list).header("Authorization", basic("supervisor2"))).hasStatusOk().bodyJson()
                .extractingPath("$[*].id").asArray().doesNotContain((int) id);
        assertThat(mvc.get().uri(list).header("Authorization", basic("school1"))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/measures/active").header("Authorization", basic("supervisor1"))).hasStatusOk()
                .bodyJson().extractingPath("$[*].id").asArray().contains((int) id);
        assertThat(mvc.get().uri("/api/v1/measures/active").header("Authorization", basic("director1"))).hasStatus(403);
    }

    @Autowired
    cn.childprotect.cms.users.UserDirectory users;

    @Test
    void theCourtRecordsItsDecisionOnlyThroughAnOpenWorkOrderOfItsOwn() {
        users.ensureAccount(new cn.childprotect.cms.users.NewUser("court1", "court1", PASSWORD,
                cn.childprotect.cms.users.Role.AGENCY_STAFF, "141029000000", null, null, "XN-COURT", null), false);
        long caseId = workedCase();
        long id = protectionOrder(caseId, false, now().minus(1, ChronoUnit.HOURS));
        String grant = "{\"step\":\"GRANT\",\"decidedAt\":\"%s\",\"validUntil\":\"%s\"}"
                .formatted(now(), now().plus(60, ChronoUnit.DAYS));
        // no order to the court on this case: the measure is not there for it
        assertThat(get("court1", id)).hasStatus(404);
        assertThat(step("court1", id, grant)).hasStatus(404);

        assertThat(api().as("director1").dispatch(caseId, "XN-COURT")).hasStatus(201);
        assertThat(get("court1", id)).hasStatusOk();
        // the court's step, not a worker's one, and not the police's
        assertThat(step("court1", id, "{\"step\":\"CLOSE\",\"note\":\"x\"}")).hasStatus(403);
        assertThat(api().as("director1").dispatch(caseId, "XN-PS")).hasStatus(201);
        assertThat(step("police1", id, grant)).hasStatus(403);
        MvcTestResult granted = step("court1", id, grant);
        assertThat(granted).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("GRANTED");
        assertThat(granted).bodyJson().extractingPath("$.history[1].actor").isEqualTo("court1");
        // documents and lists stay with the case's workers
        assertThat(mvc.get().uri("/api/v1/measures/{id}/documents/PROTECTION_ORDER_APPLICATION", id)
                .header("Authorization", basic("court1"))).hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/measures").header("Authorization", basic("court1"))).hasStatus(403);
    }

    @Test
    void anOverdueDecisionRaisesOneEscalationResolvedByTheDecision() {
        long caseId = workedCase();
        long id = protectionOrder(caseId, false, now().minus(73, ChronoUnit.HOURS));
        assertThat(get("director1", id)).bodyJson().extractingPath("$.overdue").isEqualTo(true);
        assertThat(mvc.get().uri("/api/v1/measures?due=overdue").header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$[*].id").asArray().contains((int) id);

        sweep.sweep();
        sweep.sweep();
        String items = "select count(*) from escalations_item where kind = 'MEASURE_DEADLINE' and source_id = ?"
                + " and level = 'TOWNSHIP'";
        String open = items + " and status <> 'RESOLVED'";
        assertThat(jdbc.queryForObject(items, Integer.class, id)).isEqualTo(1);
        assertThat(jdbc.queryForObject(open, Integer.class, id)).isEqualTo(1);

        assertThat(step("director1", id, "{\"step\":\"GRANT\",\"decidedAt\":\"%s\",\"validUntil\":\"%s\"}"
                .formatted(now(), now().plus(120, ChronoUnit.DAYS)))).hasStatusOk();
        assertThat(jdbc.queryForObject(open, Integer.class, id)).isZero();
        sweep.sweep();
        assertThat(jdbc.queryForObject(items, Integer.class, id)).isEqualTo(1);
    }
}

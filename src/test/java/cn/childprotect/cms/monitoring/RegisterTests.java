package cn.childprotect.cms.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The at-risk register (issue 12): the review chain, scoping, history, visits and their escalation. */
class RegisterTests extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Autowired
    VisitSchedule schedule;

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

    /** director1 enters a child of village 141029100001 (township 1); returns the entry's id. */
    long enter(String tier) {
        MvcTestResult created = api().as("director1").post("/api/v1/register", """
                {"child":{"name":"名册%s","sex":"MALE","birthDate":"2016-03-01"},"villageCode":"141029100001",
                 "categories":["LEFT_BEHIND","DISTRESS"],"distressKinds":["POVERTY"],
                 "leftBehind":{"parentsWhereabouts":"父母在广东务工","caregiverName":"王奶奶","caregiverRelation":"祖母",
                               "caregiverPhone":"13900000001"},
                 "household":"城关村三组","school":"城关小学","tier":"%s"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), tier));
        assertThat(created).hasStatus(201);
        assertThat(read(created, "$.status").toString()).isEqualTo("PENDING_REVIEW");
        return ((Number) read(created, "$.id")).longValue();
    }

    long version(String user, long id) {
        return ((Number) read(api().as(user).get("/api/v1/register/{id}", id), "$.version")).longValue();
    }

    MvcTestResult step(String user, long id, String event, String reason) {
        String body = "{\"event\":\"%s\",\"version\":%d%s}".formatted(event, version(user, id),
                reason == null ? "" : ",\"reason\":\"" + reason + "\"");
        return api().as(user).post("/api/v1/register/{id}/transitions", body, id);
    }

    long confirmed(String tier) {
        long id = enter(tier);
        assertThat(step("supervisor1", id, "APPROVE", null)).hasStatusOk();
        assertThat(step("county1", id, "CONFIRM", null)).hasStatusOk();
        return id;
    }

    @Test
    void anEntryIsApprovedByTheTownshipAndConfirmedByTheCountyThenItsFirstVisitIsDue() {
        long id = enter("ORANGE");
        // the village may not review its own entry, the county not in the township's place
        assertThat(step("director1", id, "APPROVE", null)).hasStatus(403);
        assertThat(step("county1", id, "APPROVE", null)).hasStatus(403);
        assertThat(step("supervisor1", id, "CONFIRM", null)).hasStatus(409);

        MvcTestResult approved = step("supervisor1", id, "APPROVE", null);
        assertThat(approved).hasStatusOk();
        assertThat(read(approved, "$.status").toString()).isEqualTo("PENDING_CONFIRMATION");
        assertThat(step("supervisor1", id, "CONFIRM", null)).hasStatus(403);

        Instant before = Instant.now();
        MvcTestResult confirmed = step("county1", id, "CONFIRM", null);
        assertThat(confirmed).hasStatusOk();
        assertThat(read(confirmed, "$.status").toString()).isEqualTo("ACTIVE");
        assertThat(read(confirmed, "$.nextVisitDue").toString()).isEqualTo(schedule.firstVisitDue(before).toString());

        List<String> actions = read(api().as("director1").get("/api/v1/register/{id}/history", id), "$[*].action");
        assertThat(actions).containsExactly("CREATED", "APPROVE", "CONFIRM");
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'REGISTER_ENTRY_READ' and target_id = ?",
                Integer.class, Long.toString(id))).isPositive();
    }

    @Test
    void aReturnCarriesItsReasonAndTheAuthorSubmitsAgain() {
        long id = enter("YELLOW");
        assertThat(step("supervisor1", id, "RETURN", null)).hasStatus(400);
        MvcTestResult returned = step("supervisor1", id, "RETURN", "监护人信息不全，请补充");
        assertThat(returned).hasStatusOk();
        assertThat(read(returned, "$.status").toString()).isEqualTo("RETURNED");
        assertThat(read(returned, "$.returnReason").toString()).isEqualTo("监护人信息不全，请补充");
        assertThat(read(api().as("director1").get("/api/v1/register/{id}", id), "$.allowedEvents").toString())
                .contains("SUBMIT");

        MvcTestResult again = step("director1", id, "SUBMIT", null);
        assertThat(again).hasStatusOk();
        assertThat(read(again, "$.status").toString()).isEqualTo("PENDING_REVIEW");
        List<String> notes = read(api().as("supervisor1").get("/api/v1/register/{id}/history", id), "$[*].note");
        assertThat(notes).contains("监护人信息不全，请补充");
    }

    @Test
    void anExitGoesThroughTheSameChain() {
        long id = confirmed("GREEN");
        MvcTestResult request = api().as("director1").post("/api/v1/register/{id}/transitions",
                "{\"event\":\"REQUEST_EXIT\",\"exitReason\":\"NO_SUCH_REASON\",\"version\":%d}".formatted(version("director1", id)), id);
        assertThat(request).hasStatus(400);
        request = api().as("director1").post("/api/v1/register/{id}/transitions",
                "{\"event\":\"REQUEST_EXIT\",\"exitReason\":\"PARENTS_RETURNED\",\"reason\":\"母亲返乡\",\"version\":%d}"
                        .formatted(version("director1", id)), id);
        assertThat(request).hasStatusOk();
        assertThat(read(request, "$.status").toString()).isEqualTo("EXIT_PENDING_REVIEW");
        assertThat(step("supervisor1", id, "APPROVE", null)).hasStatusOk();
        MvcTestResult exited = step("county1", id, "CONFIRM", null);
        assertThat(read(exited, "$.status").toString()).isEqualTo("EXITED");
        assertThat((Object) read(exited, "$.nextVisitDue")).isNull();
    }

    @Test
    void entriesOfTownship1AreNotFoundOutsideItAndDraftsOnlyForAuthorAndReviewers() {
        long id = enter("RED");
        for (String outsider : List.of("director2", "supervisor2", "operator1", "police1", "admin", "school1")) {
            assertThat(api().as(outsider).get("/api/v1/register/{id}", id)).as(outsider).hasStatus(404);
        }
        assertThat(api().as("supervisor1").get("/api/v1/register/{id}", id)).hasStatusOk();
        assertThat(api().as("county1").get("/api/v1/register/{id}", id)).hasStatusOk();
        List<Number> seenByDirector2 = read(api().as("director2").get("/api/v1/register?size=200"), "$.items[*].id");
        assertThat(seenByDirector2.stream().map(Number::longValue)).doesNotContain(id);
        assertThat(api().as("operator1").get("/api/v1/register")).hasStatus(403);
        // a director may not enter a child of another village
        assertThat(api().as("director1").post("/api/v1/register", """
                {"child":{"name":"外村儿童"},"villageCode":"141029101001","categories":["MIGRANT"],"tier":"GREEN"}""")
        ).hasStatus(400);
    }

    @Test
    void aStaleVersionIsRefusedAndEveryChangeIsKept() {
        long id = confirmed("YELLOW");
        long v = version("director1", id);
        MvcTestResult changed = mvc.patch().uri("/api/v1/register/{id}", id).header("Authorization", basic("director1"))
                .header("If-Match", "\"" + v + "\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"school\":\"光华中学\",\"note\":\"转学\"}").exchange();
        assertThat(changed).hasStatusOk();
        MvcTestResult stale = mvc.patch().uri("/api/v1/register/{id}", id).header("Authorization", basic("director1"))
                .header("If-Match", "\"" + v + "\"").contentType(MediaType.APPLICATION_JSON)
                .content("{\"school\":\"城关中学\"}").exchange();
        assertThat(stale).hasStatus(412);
        List<List<String>> fields = read(api().as("director1").get("/api/v1/register/{id}/history", id), "$[*].fields");
        assertThat(fields).contains(List.of("school"));
    }

    @Test
    void aDuplicateChildIsRefusedOneFilePerChild() {
        String body = """
                {"child":{"name":"一档%s","birthDate":"2015-05-05"},"villageCode":"141029100001",
                 "categories":["ORPHAN"],"tier":"YELLOW"}""".formatted(UUID.randomUUID().toString().substring(0, 6));
        assertThat(api().as("director1").post("/api/v1/register", body)).hasStatus(201);
        assertThat(api().as("director1").post("/api/v1/register", body)).hasStatus(409);
    }

    @Test
    void anInvalidIdNumberAndAnOverAgeLeftBehindChildAreRefused() {
        MvcTestResult refused = api().as("director1").post("/api/v1/register", """
                {"child":{"name":"校验","idNumber":"141029200001011234","birthDate":"2005-01-01"},"villageCode":"141029100001",
                 "categories":["LEFT_BEHIND"],"tier":"GREEN"}""");
        assertThat(refused).hasStatus(400);
        assertThat(refused.getResponse().getContentAsByteArray().length).isPositive();
        List<String> fields = read(refused, "$.errors[*].field");
        assertThat(fields).contains("child.idNumber", "categories");
    }

    @Test
    void aVisitMovesTheNextDueDateByTierAndATierChangeRecomputesIt() {
        long id = confirmed("ORANGE");
        LocalDate today = LocalDate.now(ZONE);
        MvcTestResult visit = api().as("director1").post("/api/v1/register/{id}/visits", """
                {"visitedOn":"%s","kind":"HOME","personsSeen":"儿童、祖母","livingConditions":["FOOD","HOUSING"],
                 "observations":"生活正常","safety":"SAFE","needs":"学习用品","nextSteps":"下次入户"}""".formatted(today), id);
        assertThat(visit).hasStatus(201);
        assertThat(read(visit, "$.nextVisitDue").toString()).isEqualTo(today.plusDays(15).toString());

        long v = version("director1", id);
        MvcTestResult red = mvc.patch().uri("/api/v1/register/{id}", id).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"tier\":\"RED\",\"version\":%d}".formatted(v)).exchange();
        assertThat(red).hasStatusOk();
        assertThat(read(red, "$.nextVisitDue").toString()).isEqualTo(today.plusDays(7).toString());
        assertThat(api().as("director1").post("/api/v1/register/{id}/visits",
                "{\"visitedOn\":\"%s\",\"kind\":\"HOME\",\"safety\":\"SAFE\"}".formatted(today.plusDays(1)), id))
                .hasStatus(400);
    }

    int items(long entryId, String level) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = 'REGISTER_VISIT' and source_id = ? "
                + "and level = ?", Integer.class, entryId, level);
    }

    @Test
    void anOverdueVisitRaisesOneEscalationHoweverOftenTheSweepRunsAndAVisitResolvesIt() {
        long id = confirmed("RED");
        sweep.sweep();
        assertThat(items(id, "TOWNSHIP")).isZero();

        clock.advance(Duration.ofDays(12)); // 5 working days have passed in any week
        sweep.sweep();
        sweep.sweep();
        assertThat(items(id, "TOWNSHIP")).isEqualTo(1);
        List<Number> overdue = read(api().as("director1").get("/api/v1/register?overdue=true&size=200"), "$.items[*].id");
        assertThat(overdue.stream().map(Number::longValue)).contains(id);
        clock.advance(Duration.ofHours(25));
        for (int i = 0; i < 3; i++) {
            sweep.sweep();
        }
        assertThat(items(id, "TOWNSHIP")).isEqualTo(1);
        assertThat(items(id, "COUNTY")).isEqualTo(1);

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZONE);
        assertThat(api().as("director1").post("/api/v1/register/{id}/visits",
                "{\"visitedOn\":\"%s\",\"kind\":\"PHONE\",\"safety\":\"SAFE\"}".formatted(today), id)).hasStatus(201);
        assertThat(jdbc.queryForObject("select count(*) from escalations_item where kind = 'REGISTER_VISIT' and source_id = ? "
                + "and status <> 'RESOLVED'", Integer.class, id)).isZero();
        sweep.sweep();
        assertThat(items(id, "TOWNSHIP")).isEqualTo(1);
    }

    @Autowired
    Register register;

    @Autowired
    cn.childprotect.cms.users.UserDirectory users;

    @Test
    void aVisitThatFindsHarmFilesAReportThatOpensACaseLinkedBothWays() {
        long id = confirmed("ORANGE");
        LocalDate today = LocalDate.now(ZONE);
        assertThat(api().as("director1").post("/api/v1/register/{id}/visits",
                "{\"visitedOn\":\"%s\",\"kind\":\"HOME\",\"safety\":\"IN_DANGER\"}".formatted(today), id))
                .hasStatus(400);
        MvcTestResult visit = api().as("director1").post("/api/v1/register/{id}/visits", """
                {"visitedOn":"%s","kind":"HOME","safety":"IN_DANGER","observations":"孩子身上多处淤青，称被打",
                 "reportCategories":["MR04"]}""".formatted(today), id);
        assertThat(visit).hasStatus(201);
        long reportId = ((Number) read(visit, "$.visit.reportId")).longValue();
        long caseId = ((Number) read(visit, "$.visit.caseId")).longValue();

        MvcTestResult report = api().as("supervisor1").get("/api/v1/reports/{id}", reportId);
        assertThat(read(report, "$.channel").toString()).isEqualTo("MONITORING");
        assertThat(api().as("supervisor1").caseFile(caseId)).hasStatusOk();
        assertThat(((Number) read(api().as("director1").get("/api/v1/register/{id}", id), "$.caseId")).longValue())
                .isEqualTo(caseId);
        var supervisor = users.findCurrentUser("supervisor1").orElseThrow();
        assertThat(register.registerEntryForCase(caseId, supervisor)).hasValueSatisfying(
                e -> assertThat(e.entryId()).isEqualTo(id));
        assertThat(register.registerEntryForCase(caseId, users.findCurrentUser("supervisor2").orElseThrow())).isEmpty();
        // the channel belongs to register visits: a hotline client cannot claim it
        assertThat(api().as("operator1").report("""
                {"channel":"MONITORING","categories":["MR04"],"villageCode":"141029100001","narrative":"冒用渠道",
                 "child":{"name":"冒用"},"reporter":{"anonymous":true}}""")).hasStatus(400);
    }
}

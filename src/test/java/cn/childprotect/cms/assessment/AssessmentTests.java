package cn.childprotect.cms.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.ConcurrentChanges;
import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class AssessmentTests extends IntegrationTest {

    @Autowired
    RiskInstrument instrument;

    @Autowired
    CaseFixtures fixtures;

    static Map<String, String> low() {
        Map<String, String> a = new HashMap<>(Map.ofEntries(Map.entry("S1", "NO"), Map.entry("S2", "NO"),
                Map.entry("S3", "NO"), Map.entry("S4", "NO"), Map.entry("V1", "TEEN"), Map.entry("V2", "NO"),
                Map.entry("V3", "NO"), Map.entry("C1", "NO"), Map.entry("C2", "NO"), Map.entry("C3", "NO"),
                Map.entry("P1", "YES"), Map.entry("P2", "YES"), Map.entry("F1", "NO"), Map.entry("F2", "NO")));
        return a;
    }

    static Map<String, String> with(String... pairs) {
        Map<String, String> a = low();
        for (int i = 0; i < pairs.length; i += 2) {
            a.put(pairs[i], pairs[i + 1]);
        }
        return a;
    }

    static String json(Map<String, String> answers) {
        StringBuilder out = new StringBuilder("{");
        answers.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append('"').append(k).append("\":\"").append(v).append('"'));
        return out.append('}').toString();
    }

    // --- the level rules of the default instrument -----------------------------------------------

    @Test
    void scoresMapToLevelsByThreshold() {
        assertThat(instrument.evaluate(low()).level()).isEqualTo(RiskLevel.LOW);
        var medium = instrument.evaluate(with("C1", "YES", "C2", "YES", "F1", "YES"));
        assertThat(medium.score()).isEqualTo(9);
        assertThat(medium.level()).isEqualTo(RiskLevel.MEDIUM);
        var high = instrument.evaluate(with("C1", "YES", "C2", "YES", "C3", "YES", "P1", "NO", "F1", "YES"));
        assertThat(high.score()).isEqualTo(15);
        assertThat(high.level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void anyImmediateSafetyThreatIsAtLeastHigh() {
        for (String item : List.of("S1", "S2", "S3")) {
            var result = instrument.evaluate(with(item, "YES"));
            assertThat(result.level()).as(item).isGreaterThanOrEqualTo(RiskLevel.HIGH);
            assertThat(result.appliedOverrides()).contains("存在任何当前安全威胁至少为高风险");
        }
    }

    @Test
    void sexualAbuseWithTheAbuserStillInReachIsCritical() {
        assertThat(instrument.evaluate(with("S2", "YES", "S4", "YES")).level()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(instrument.evaluate(with("S2", "YES", "S4", "UNKNOWN")).level()).isEqualTo(RiskLevel.HIGH);
    }

    @Test
    void infantCurrentlyHarmedIsCritical() {
        assertThat(instrument.evaluate(with("V1", "UNDER3", "S1", "YES")).level()).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void suicidalThoughtsAreAtLeastMedium() {
        var result = instrument.evaluate(with("V3", "YES"));
        assertThat(result.score()).isLessThan(6);
        assertThat(result.level()).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void instrumentIsServedWithItsVersion() {
        assertThat(mvc.get().uri("/api/v1/assessment-instrument").header("Authorization", basic("director1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.instrument.version").isEqualTo("2026.1");
                    assertThat(json).extractingPath("$.instrument.sections[*].code").asArray()
                            .containsExactly("SAFETY", "VULNERABILITY", "CAREGIVER", "PROTECTIVE", "FAMILY");
                });
    }

    // --- the workflow through real assessments and plans ---------------------------------------------

    long assignedCase() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        return caseId;
    }

    @Autowired
    AssessmentDesk assessmentDesk;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    cn.childprotect.cms.users.UserDirectory directory;

    @Test
    void theConfirmationQueueFindsTheCallersItemsBehindManyOlderOnesOfAnotherTownship() {
        long otherTownship = fixtures.open(CaseFixtures.VILLAGE_2_1, java.util.Set.of("MR04"), false).id();
        java.sql.Timestamp older = java.sql.Timestamp.from(java.time.Instant.parse("2020-01-01T00:00:00Z"));
        jdbc.batchUpdate("insert into assessment_assessment (case_id, instrument_version, status, answers, score, "
                + "computed_level, assessor, created_at, completed_at, version) values (?, '2026.1', 'COMPLETED', '{}', 9, "
                + "'HIGH', 'director2', ?, ?, 0)", java.util.Collections.nCopies(1_001,
                        new Object[] { otherTownship, older, older }));
        try {
            long caseId = assignedCase();
            long id = completeAssessment("director1", caseId, json(with("S1", "YES")));
            assertThat(assessmentDesk.awaitingConfirmation(directory.findCurrentUser("supervisor1").orElseThrow(), 50))
                    .extracting(AssessmentDesk.AwaitingConfirmation::assessmentId).contains(id);
            assertThat(assessmentDesk.awaitingConfirmation(directory.findCurrentUser("supervisor2").orElseThrow(), 3))
                    .hasSize(3).allSatisfy(item -> assertThat(item.caseId()).isEqualTo(otherTownship));
        }
        finally {
            // the planted items would fill other tests' queues
            jdbc.update("delete from assessment_assessment where case_id = ?", otherTownship);
        }
    }

    @Test
    void aHighAssessmentDoesNotCountUntilASupervisorConfirmsIt() {
        long caseId = assignedCase();
        long id = completeAssessment("director1", caseId, json(with("S1", "YES")));
        assertThat(mvc.get().uri("/api/v1/cases/{c}/assessments", caseId).header("Authorization", basic("director1")))
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$[0].computedLevel").isEqualTo("HIGH");
                    assertThat(json).extractingPath("$[0].awaitingConfirmation").isEqualTo(true);
                    assertThat(json).extractingPath("$[0].instrumentVersion").isEqualTo("2026.1");
                });
        assertThat(fire("director1", caseId, "COMPLETE_ASSESSMENT", null)).hasStatus(422)
                .bodyJson().extractingPath("$.detail").asString().contains("督导员确认");
        String confirm = "/api/v1/cases/{c}/assessments/{a}/confirm";
        assertThat(mvc.post().uri(confirm, caseId, id).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).hasStatus(403);
        assertThat(mvc.post().uri(confirm, caseId, id).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"CRITICAL\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("reason");
        assertThat(mvc.post().uri(confirm, caseId, id).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"level\":\"CRITICAL\",\"reason\":\"加害人同住\"}"))
                .hasStatusOk().bodyJson().extractingPath("$.finalLevel").isEqualTo("CRITICAL");
        assertThat(mvc.get().uri("/api/v1/cases/{c}", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$.riskLevel").isEqualTo("CRITICAL");
        assertThat(fire("director1", caseId, "COMPLETE_ASSESSMENT", null)).hasStatusOk();
    }

    @Test
    void completedAssessmentsAreImmutableAndMustBeWhole() {
        long caseId = assignedCase();
        MvcTestResult draft = mvc.post().uri("/api/v1/cases/{c}/assessments", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{\"S1\":\"NO\"},\"rationale\":\"初步\"}").exchange();
        long id = ((Number) read(draft, "$.id")).longValue();
        assertThat(mvc.post().uri("/api/v1/cases/{c}/assessments/{a}/complete", caseId, id)
                .header("Authorization", basic("director1"))).hasStatus(400)
                .bodyJson().extractingPath("$.errors[*].field").asArray().contains("answers.S2", "answers.F2");
        assertThat(mvc.put().uri("/api/v1/cases/{c}/assessments/{a}", caseId, id).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{\"S1\":\"MAYBE\"}}")).hasStatus(400);
        assertThat(mvc.put().uri("/api/v1/cases/{c}/assessments/{a}", caseId, id).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":" + LOW_RISK_ANSWERS + ",\"rationale\":\"家访后\"}"))
                .hasStatusOk();
        assertThat(mvc.post().uri("/api/v1/cases/{c}/assessments/{a}/complete", caseId, id)
                .header("Authorization", basic("director1"))).hasStatusOk().bodyJson().extractingPath("$.counts").isEqualTo(true);
        assertThat(mvc.put().uri("/api/v1/cases/{c}/assessments/{a}", caseId, id).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":" + LOW_RISK_ANSWERS + "}")).hasStatus(409);
    }

    @Test
    void visitDueDatesFollowTheRiskLevelAndADangerousVisitDeclaresAnEmergency() {
        long caseId = assignedCase();
        completeAssessment("director1", caseId, LOW_RISK_ANSWERS);
        fire("director1", caseId, "COMPLETE_ASSESSMENT", null);
        writePlan("director1", caseId);
        assertThat(fire("director1", caseId, "START_SUPPORT", null)).hasStatusOk();
        String today = LocalDate.now().toString();
        MvcTestResult low = visit(caseId, today, "SAFE", false);
        assertThat(low).hasStatus(201);
        assertThat(days(low)).isBetween(29L, 30L);
        assertThat(mvc.get().uri("/api/v1/cases/{c}", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$.statusDeadline").asString().startsWith(read(low, "$.nextDue").toString().substring(0, 13));

        // a supervisor raises the level through a reassessment: HIGH → 14 days, CRITICAL → 7 days
        long high = completeAssessment("director1", caseId, json(with("S3", "YES")));
        mvc.post().uri("/api/v1/cases/{c}/assessments/{a}/confirm", caseId, high).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
        assertThat(days(visit(caseId, today, "CONCERNS", false))).isBetween(13L, 14L);
        long critical = completeAssessment("director1", caseId, json(with("S1", "YES", "V1", "UNDER3")));
        mvc.post().uri("/api/v1/cases/{c}/assessments/{a}/confirm", caseId, critical).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{}").exchange();
        assertThat(days(visit(caseId, today, "CONCERNS", false))).isBetween(6L, 7L);

        assertThat(visit(caseId, today, "SAFE", true)).hasStatus(400);
        assertThat(visit(caseId, today, "IN_DANGER", true)).hasStatus(201);
        assertThat(mvc.get().uri("/api/v1/cases/{c}", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$.status").isEqualTo("EMERGENCY");
    }

    @Autowired
    cn.childprotect.cms.cases.CaseFiles caseFiles;

    /**
     * Issue 11 item 3: the emergency a visit declares is fired at the version the visit read. A
     * supervisor who declares the emergency between that read and the visit's own transition
     * wins; the visit is refused as stale (409) and leaves nothing behind, rather than firing the
     * event a second time on a case that has changed under it.
     */
    @Test
    void anEmergencyDeclaredByAVisitIsRefusedWhenTheCaseChangedSinceTheVisitReadIt() {
        long caseId = assignedCase();
        long versionBefore = caseFiles.find(caseId).orElseThrow().version();
        var supervisor = new cn.childprotect.cms.users.CurrentUser("supervisor1", "supervisor1",
                cn.childprotect.cms.users.Role.SUPERVISOR, "141029100000", null, null, null);
        ConcurrentChanges.beforeNext(cn.childprotect.cms.assessment.events.FollowUpVisitRecorded.class,
                recorded -> recorded.caseId() == caseId,
                () -> caseFiles.transition(caseId, new cn.childprotect.cms.cases.TransitionCommand(
                        cn.childprotect.cms.cases.CaseEvent.DECLARE_EMERGENCY, null, "电话中得知儿童处境危险", null),
                        caseFiles.find(caseId).orElseThrow().version(), supervisor));
        try {
            assertThat(visit(caseId, LocalDate.now().toString(), "IN_DANGER", true)).hasStatus(409)
                    .bodyJson().extractingPath("$.type").asString().endsWith("stale-version");
        }
        finally {
            ConcurrentChanges.reset();
        }
        var after = caseFiles.find(caseId).orElseThrow();
        assertThat(after.status()).isEqualTo(cn.childprotect.cms.cases.CaseStatus.EMERGENCY);
        assertThat(after.version()).as("the supervisor's transition only").isEqualTo(versionBefore + 1);
        assertThat(mvc.get().uri("/api/v1/cases/{c}/visits", caseId).header("Authorization", basic("director1")))
                .hasStatusOk().bodyJson().extractingPath("$.length()").isEqualTo(0);
        assertThat(mvc.get().uri("/api/v1/cases/{c}/timeline", caseId).header("Authorization", basic("director1")))
                .hasStatusOk().bodyJson().extractingPath("$[?(@.event == 'DECLARE_EMERGENCY')]").asArray().hasSize(1);
    }

    /** The visit's field checks are Bean Validation constraints whose messages are keys (issue 11 item 4). */
    @Test
    void aRefusedVisitNamesEachFieldInTheCallersLanguage() {
        long caseId = assignedCase();
        String body = """
                {"visitedOn":"2999-01-01","type":"CAR","observations":" ","safety":"SAFE","declareEmergency":true}""";
        MvcTestResult chinese = mvc.post().uri("/api/v1/cases/{c}/visits", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(chinese).hasStatus(400).bodyJson().extractingPath("$.errors[*].field").asArray()
                .containsExactly("type", "visitedOn", "observations", "declareEmergency");
        assertThat(chinese).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("随访方式须为 HOME_VISIT、PHONE、SCHOOL 或 OTHER");
        MvcTestResult english = mvc.post().uri("/api/v1/cases/{c}/visits", caseId).header("Authorization", basic("director1"))
                .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(english).hasStatus(400).bodyJson().extractingPath("$.errors[2].message")
                .isEqualTo("Write down what was observed (at most 4000 characters)");
    }

    private MvcTestResult visit(long caseId, String date, String safety, boolean emergency) {
        return mvc.post().uri("/api/v1/cases/{c}/visits", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"visitedOn":"%s","type":"HOME_VISIT","personsSeen":"儿童、祖母","observations":"家中整洁，儿童精神尚可",
                         "safety":"%s","nextSteps":"下周电话回访","declareEmergency":%s}""".formatted(date, safety, emergency))
                .exchange();
    }

    private static long days(MvcTestResult visit) {
        Instant visited = LocalDate.parse(read(visit, "$.visitedOn")).atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
        Instant next = Instant.parse(read(visit, "$.nextDue"));
        return Duration.between(visited.isAfter(Instant.now()) ? Instant.now() : visited, next).toDays();
    }

    @Test
    void aServiceByAnAgencyBecomesAWorkOrderInOneStepAndThePlanKeepsItsHistory() {
        long caseId = assignedCase();
        MvcTestResult saved = mvc.put().uri("/api/v1/cases/{id}/support-plan", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"goals":"恢复就学","services":[{"type":"教育/复学","providerAgencyCode":"XN-EDU","dueDate":"2026-12-20",
                          "sendAsWorkOrder":true,"workOrderRequest":"请协调城关小学为儿童办理复学"}]}""").exchange();
        assertThat(saved).hasStatusOk().bodyJson().extractingPath("$.services[0].workOrderId").isNotNull();
        assertThat(mvc.get().uri("/api/v1/cases/{id}/work-orders", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$[0].agencyCode").isEqualTo("XN-EDU");
        writePlan("director1", caseId);
        assertThat(mvc.get().uri("/api/v1/cases/{id}/support-plan/history", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$.length()").isEqualTo(2);
        assertThat(mvc.put().uri("/api/v1/cases/{id}/support-plan", caseId).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"goals\":\"\",\"services\":[{\"type\":\"算命\"}]}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[*].field").asArray()
                .contains("goals", "services[0].type", "services[0].providerName");
    }

    /**
     * The plan's refusals are keys (issue 11 items 4, 5): the goals by Bean Validation, the rules
     * that need the register or two fields by the desk; in the form's order and the caller's language.
     */
    @Test
    void aRefusedPlanNamesEachFieldInOrderAndInTheCallersLanguage() {
        long caseId = assignedCase();
        String body = """
                {"goals":" ","services":[{"type":"算命","status":"NOT_DONE","sendAsWorkOrder":true},
                  {"type":"医疗救治","providerAgencyCode":"NO-SUCH"}]}""";
        MvcTestResult chinese = mvc.put().uri("/api/v1/cases/{id}/support-plan", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(chinese).hasStatus(400).bodyJson().extractingPath("$.errors[*].field").asArray().containsExactly(
                "goals", "services[0].type", "services[0].providerName", "services[0].notDoneReason",
                "services[0].sendAsWorkOrder", "services[1].providerAgencyCode");
        assertThat(chinese).bodyJson().extractingPath("$.errors[0].message").isEqualTo("须填写帮扶目标");
        assertThat(chinese).bodyJson().extractingPath("$.detail").isEqualTo("请求中有 6 处不符合要求，请按 errors 修改。");
        MvcTestResult english = mvc.put().uri("/api/v1/cases/{id}/support-plan", caseId)
                .header("Authorization", basic("director1")).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
        assertThat(english).hasStatus(400).bodyJson().extractingPath("$.errors[0].message")
                .isEqualTo("Write the goals of the support plan");
        assertThat(english).bodyJson().extractingPath("$.errors[1].message").asString()
                .startsWith("The service type must be one of: ");
        assertThat(english).bodyJson().extractingPath("$.errors[5].message").isEqualTo("No such cooperating agency");
        assertThat(api().as("director1").inLanguage("en").get("/api/v1/cases/{id}/support-plan", caseId)).hasStatus(404)
                .bodyJson().extractingPath("$.detail").isEqualTo("This case has no support plan yet");
    }

    @Autowired
    cn.childprotect.cms.audit.AuditLog auditLog;

    @Test
    void readsOfAssessmentsPlansAndVisitsAreAudited() {
        long caseId = assignedCase();
        mvc.get().uri("/api/v1/cases/{c}/assessments", caseId).header("Authorization", basic("director1")).exchange();
        mvc.get().uri("/api/v1/cases/{c}/visits", caseId).header("Authorization", basic("director1")).exchange();
        var actions = auditLog.search("director1", "CASE", Long.toString(caseId), null,
                org.springframework.data.domain.PageRequest.of(0, 20)).getContent().stream().map(r -> r.action()).toList();
        assertThat(actions).contains("ASSESSMENTS_READ", "VISITS_READ");
    }

    @Test
    void everyWriteIsRefusedOutsideTheCallersScopeOrRole() {
        long caseId = assignedCase();
        for (String outsider : List.of("director2", "supervisor2", "police1", "school1", "operator1")) {
            assertThat(mvc.post().uri("/api/v1/cases/{c}/assessments", caseId).header("Authorization", basic(outsider))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{}}")).as(outsider).hasStatus(404);
            assertThat(mvc.put().uri("/api/v1/cases/{c}/support-plan", caseId).header("Authorization", basic(outsider))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"goals\":\"x\",\"services\":[]}")).as(outsider).hasStatus(404);
            assertThat(mvc.post().uri("/api/v1/cases/{c}/visits", caseId).header("Authorization", basic(outsider))
                    .contentType(MediaType.APPLICATION_JSON).content("{\"visitedOn\":\"2026-11-01\"}")).as(outsider).hasStatus(404);
        }
        long received = fixtures.openInVillage1().id();
        assertThat(mvc.post().uri("/api/v1/cases/{c}/assessments", received).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"answers\":{}}")).hasStatus(409);
    }
}

package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 18, items 1–3, as the demo users would meet each leak: the reporting school stays
 * hidden from the child directors wherever the reporter is (report, case detail, case page,
 * timeline); a school's receipt and feedback do not tell that the child already has a case in
 * another township; a possible duplicate outside the filer's scope is flagged without its
 * number and goes to a supervisor who may see both; a masked name cannot be confirmed by search.
 */
class ConfidentialityTests extends IntegrationTest {

    static final String VILLAGE_1_1 = "141029100001";
    static final String VILLAGE_2_1 = "141029101001";
    static final String SCHOOL_INSTITUTION = "乡宁县城关小学";

    @Autowired
    UserDetailsService userDetails;

    MvcTestResult file(String user, String body) {
        var request = mvc.post().uri("/api/v1/reports").header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (user.equals("school1") || user.equals("clinic1")) {
            request = request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        MvcTestResult result = request.exchange();
        assertThat(result).hasStatus(201);
        return result;
    }

    static String schoolReport(String village, String childJson) {
        return """
                {"categories":["MR04"],"villageCode":"%s","occurredAt":"2026-11-20T08:00:00Z",
                 "narrative":"学生身上多处淤青，自述在家被打","child":%s,
                 "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(village, childJson);
    }

    static String hotlineReport(String village, String childJson) {
        return """
                {"channel":"HOTLINE","categories":["MR04"],"villageCode":"%s","narrative":"邻居来电：孩子经常被打",
                 "child":%s,"reporter":{"anonymous":true}}""".formatted(village, childJson);
    }

    MvcTestResult get(String user, String uri, Object... vars) {
        return mvc.get().uri(uri, vars).header("Authorization", basic(user)).exchange();
    }

    String body(MvcTestResult result) throws java.io.UnsupportedEncodingException {
        assertThat(result).hasStatus2xxSuccessful();
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long caseOfReport(long reportId) {
        return ((Number) read(get("supervisor1", "/api/v1/reports/{id}", reportId), "$.caseId")).longValue();
    }

    @Autowired
    IntakeQueries intakeQueries;

    @Autowired
    cn.childprotect.cms.users.UserDirectory directory;

    @Test
    void theReportsOfACaseAreReadOnlyByThoseWhoWorkIt() {
        long reportId = ((Number) read(file("school1", schoolReport(VILLAGE_1_1, """
                {"name":"%s"}""".formatted(TestIds.uniqueName()))), "$.reportId")).longValue();
        long caseId = caseOfReport(reportId);
        var outside = directory.findCurrentUser("director2").orElseThrow();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> intakeQueries.ofCase(caseId, outside))
                .isInstanceOf(cn.childprotect.cms.shared.Refusal.NotFound.class);
        assertThat(intakeQueries.ofCase(caseId, directory.findCurrentUser("supervisor1").orElseThrow()))
                .extracting(ReportView::id).contains(reportId);
    }

    // --- 1. the reporter stays hidden --------------------------------------------------------------

    @Test
    void theSchoolThatFiledIsHiddenFromTheDirectorWhereverTheReporterIs() throws Exception {
        String name = TestIds.uniqueName();
        MvcTestResult receipt = file("school1", schoolReport(VILLAGE_1_1, """
                {"name":"%s","idNumber":"%s","school":"城关小学"}""".formatted(name,
                TestIds.idNumber(TestIds.childBirthDate(), false))));
        long reportId = ((Number) read(receipt, "$.reportId")).longValue();
        long caseId = caseOfReport(reportId);
        acceptAndAssignToDirector1(caseId);

        String report = body(get("director1", "/api/v1/reports/{id}", reportId));
        assertThat(report).doesNotContain("school1").doesNotContain(SCHOOL_INSTITUTION).doesNotContain("王老师")
                .doesNotContain("INSTITUTION");
        assertThat((Boolean) read(get("director1", "/api/v1/reports/{id}", reportId), "$.reporterHidden")).isTrue();

        String detail = body(get("director1", "/api/v1/cases/{id}", caseId));
        assertThat(detail).contains(name).doesNotContain("school1").doesNotContain(SCHOOL_INSTITUTION)
                .doesNotContain("王老师");

        MvcTestResult timeline = get("director1", "/api/v1/cases/{id}/timeline", caseId);
        assertThat(body(timeline)).doesNotContain("school1");
        assertThat(timeline).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$[0].kind").isEqualTo("OPENED");
            assertThat(json).extractingPath("$[0].actorHidden").isEqualTo(true);
            // the supervisor's own entries keep their actor
            assertThat(json).extractingPath("$[?(@.kind=='ASSIGNMENT')].actor").asArray().containsOnly("supervisor1");
        });

        // the case page shows the director the same: no filing account, no institution
        String page = mvc.get().uri("/cases/{id}", caseId).with(user(userDetails.loadUserByUsername("director1")))
                .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains(name).contains("报告人（保密）").doesNotContain("school1")
                .doesNotContain(SCHOOL_INSTITUTION);

        // the supervisor in scope still sees who reported, and who filed
        assertThat(get("supervisor1", "/api/v1/reports/{id}", reportId)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.submittedBy").isEqualTo("school1");
            assertThat(json).extractingPath("$.reporter.institutionName").isEqualTo(SCHOOL_INSTITUTION);
        });
        assertThat(get("supervisor1", "/api/v1/cases/{id}/timeline", caseId)).bodyJson()
                .extractingPath("$[0].actor").isEqualTo("school1");
    }

    // --- 2. a receipt is not an oracle ---------------------------------------------------------------

    @Test
    void aSchoolLearnsNothingOfAnOpenCaseInAnotherTownshipAndItsDirectorNothingOfTheSchool() throws Exception {
        String idNumber = TestIds.idNumber(TestIds.childBirthDate(), true);
        String name = TestIds.uniqueName();
        // the child already has an open case in township 2, accepted and worked by director2
        MvcTestResult first = file("operator1", hotlineReport(VILLAGE_2_1, """
                {"name":"%s","idNumber":"%s"}""".formatted(name, idNumber)));
        long otherCase = ((Number) read(first, "$.caseId")).longValue();
        String otherNumber = read(first, "$.caseNumber");
        assertThat(fire("supervisor2", otherCase, "ACCEPT", null)).hasStatusOk();
        assertThat(mvc.put().uri("/api/v1/cases/{id}/assignee", otherCase).header("Authorization", basic("supervisor2"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"director2\"}")).hasStatusOk();

        // school1 (township 1) files about the same child by ID number
        MvcTestResult receipt = file("school1", schoolReport(VILLAGE_1_1, """
                {"name":"%s","idNumber":"%s"}""".formatted(name, idNumber)));
        String receiptBody = body(receipt);
        assertThat(receiptBody).doesNotContain(otherNumber).doesNotContain("\"caseId\":" + otherCase);
        assertThat(receipt).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.receiptNumber").asString().matches("R\\d{8}-\\d{6}");
            assertThat(json).extractingPath("$.linkedToExistingCase").isNull();
            assertThat(json).extractingPath("$.caseNumber").isNull();
            assertThat(json).extractingPath("$.caseId").isNull();
        });
        long reportId = ((Number) read(receipt, "$.reportId")).longValue();
        // the report is with the child's open case all the same
        assertThat(((Number) read(get("county1", "/api/v1/reports/{id}", reportId), "$.caseId")).longValue())
                .isEqualTo(otherCase);

        // its feedback is of its own report: received, not the other case's "accepted"
        assertThat(get("school1", "/api/v1/reports/{id}", reportId)).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.statusLabel").isEqualTo("已接收");
            assertThat(json).doesNotHavePath("$.caseId");
        });
        MvcTestResult mine = get("school1", "/api/v1/reports?mine=true&size=100");
        assertThat(body(mine)).doesNotContain(otherNumber);
        assertThat(mine).bodyJson().extractingPath("$.items[?(@.id==" + reportId + ")].statusLabel").asArray()
                .containsExactly("已接收");

        // director2 works the case: the school's report is there, the school is not
        String detail = body(get("director2", "/api/v1/cases/{id}", otherCase));
        assertThat(detail).contains(read(receipt, "$.receiptNumber").toString()).doesNotContain("school1")
                .doesNotContain(SCHOOL_INSTITUTION);
        assertThat(body(get("director2", "/api/v1/reports/{id}", reportId))).doesNotContain("school1")
                .doesNotContain(SCHOOL_INSTITUTION);
        MvcTestResult timeline = get("director2", "/api/v1/cases/{id}/timeline", otherCase);
        assertThat(body(timeline)).doesNotContain("school1");
        assertThat(timeline).bodyJson().extractingPath("$[?(@.kind=='REPORT_LINKED')].actorHidden").asArray()
                .containsOnly(true);
        // the hotline's own report is hidden from director2 the same way
        assertThat(timeline).bodyJson().extractingPath("$[?(@.kind=='OPENED')].actor").asArray().containsOnly((Object) null);
        // director1 (township 1) never sees the case or the report
        assertThat(get("director1", "/api/v1/reports/{id}", reportId)).hasStatus(404);
        assertThat(get("director1", "/api/v1/cases/{id}", otherCase)).hasStatus(404);
    }

    @Test
    void aPossibleDuplicateOutsideTheFilersScopeIsFlaggedWithoutItsNumberAndSentToTheCounty() throws Exception {
        String name = TestIds.uniqueName();
        // a child of village 1-1 has an open case in township 2 (where it was harmed), no birth date known
        MvcTestResult first = file("operator1", hotlineReport(VILLAGE_2_1, """
                {"name":"%s","villageCode":"%s"}""".formatted(name, VILLAGE_1_1)));
        String otherNumber = read(first, "$.caseNumber");
        long otherCase = ((Number) read(first, "$.caseId")).longValue();

        // supervisor1 (township 1) logs a report about a child of that name in village 1-1
        MvcTestResult receipt = file("supervisor1", hotlineReport(VILLAGE_1_1, """
                {"name":"%s","birthDate":"2016-05-01"}""".formatted(name)));
        assertThat(body(receipt)).doesNotContain(otherNumber);
        assertThat(receipt).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.possibleDuplicates").asArray().isEmpty();
            assertThat(json).extractingPath("$.possibleMatchOutsideScope").isEqualTo(true);
        });
        long reportId = ((Number) read(receipt, "$.reportId")).longValue();
        assertThat(body(get("supervisor1", "/api/v1/reports/{id}", reportId))).doesNotContain(otherNumber);

        // a school filing the same learns nothing at all (a child born in another year: the same name,
        // birth year and township would make supervisor1's child a possible duplicate too)
        MvcTestResult school = file("school1", schoolReport(VILLAGE_1_1, """
                {"name":"%s","birthDate":"2015-06-01"}""".formatted(name)));
        assertThat(body(school)).doesNotContain(otherNumber);
        assertThat(school).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.possibleDuplicates").asArray().isEmpty();
            assertThat(json).extractingPath("$.possibleMatchOutsideScope").isEqualTo(false);
        });
        long schoolReportId = ((Number) read(school, "$.reportId")).longValue();

        // the county supervisor, who sees both townships, gets each to confirm, with the numbers
        MvcTestResult queue = get("county1", "/api/v1/escalations?kind=POSSIBLE_DUPLICATE&size=100");
        assertThat(queue).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.items[?(@.sourceId==" + reportId + ")].level").asArray()
                    .containsExactly("COUNTY");
            assertThat(json).extractingPath("$.items[?(@.sourceId==" + schoolReportId + ")].level").asArray()
                    .containsExactly("COUNTY");
            assertThat(json).extractingPath("$.items[?(@.sourceId==" + reportId + ")].kindLabel").asArray()
                    .containsExactly("疑似重复报告待确认");
            assertThat(json).extractingPath("$.items[?(@.sourceId==" + reportId + ")].actions[*].href").asArray()
                    .contains("/api/v1/reports/" + reportId + "/link");
        });
        for (long id : List.of(reportId, schoolReportId)) {
            assertThat(get("county1", "/api/v1/reports/{id}", id)).bodyJson()
                    .extractingPath("$.possibleDuplicates[*].caseNumber").asArray().containsExactly(otherNumber);
        }
        // and may link the report to the other case
        assertThat(mvc.post().uri("/api/v1/reports/{id}/link", reportId).header("Authorization", basic("county1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caseId\":" + otherCase + "}")).hasStatusOk();
        // which settles the item
        assertThat(get("county1", "/api/v1/escalations?kind=POSSIBLE_DUPLICATE&size=100")).bodyJson()
                .extractingPath("$.items[?(@.sourceId==" + reportId + ")]").asArray().isEmpty();
    }

    // --- 3. masked means unsearchable ----------------------------------------------------------------

    @Test
    void aDirectorCannotConfirmAMaskedNameOrIdNumberBySearching() throws Exception {
        String name = TestIds.uniqueName();
        String idNumber = TestIds.idNumber(TestIds.childBirthDate(), false);
        MvcTestResult filed = file("operator1", hotlineReport(VILLAGE_1_1, """
                {"name":"%s","idNumber":"%s"}""".formatted(name, idNumber)));
        long caseId = ((Number) read(filed, "$.caseId")).longValue();
        String caseNumber = read(filed, "$.caseNumber");

        // director1's village, not (yet) director1's case: the list shows it masked ...
        assertThat(get("director1", "/api/v1/cases?q={q}", caseNumber)).bodyJson()
                .extractingPath("$.items[0].childLabel").isEqualTo(name.charAt(0) + "***");
        // ... and neither the full name, a fragment beyond the masked one, nor the ID number finds it
        // (other tests' children may share a short prefix and be worked by director1: only this case must not appear)
        for (String q : List.of(name, name.substring(0, 2), idNumber)) {
            for (String caller : List.of("director1", "operator1")) {
                assertThat(get(caller, "/api/v1/cases?q={q}&size=100", q)).bodyJson()
                        .extractingPath("$.items[*].caseNumber").asArray().as(caller + " " + q)
                        .doesNotContain(caseNumber);
            }
        }
        assertThat(mvc.get().uri("/cases?q={q}", name).with(user(userDetails.loadUserByUsername("director1")))
                .exchange().getResponse().getContentAsString(StandardCharsets.UTF_8)).doesNotContain(caseNumber);
        // what the row shows in clear (its number) still finds it
        assertThat(get("director1", "/api/v1/cases?q={q}", caseNumber)).bodyJson().extractingPath("$.total")
                .isEqualTo(1);

        // once it is director1's case the name is in clear, and searchable
        acceptAndAssignToDirector1(caseId);
        for (String q : List.of(name, idNumber)) {
            assertThat(get("director1", "/api/v1/cases?q={q}", q)).bodyJson().satisfies(json -> {
                assertThat(json).extractingPath("$.total").isEqualTo(1);
                assertThat(json).extractingPath("$.items[0].childLabel").isEqualTo(name);
            });
        }
        assertThat(get("supervisor1", "/api/v1/cases?q={q}", name)).bodyJson().extractingPath("$.total").isEqualTo(1);
    }
}

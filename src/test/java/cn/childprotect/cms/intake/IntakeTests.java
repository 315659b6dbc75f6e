package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

class IntakeTests extends IntegrationTest {

    static final String VILLAGE_1_1 = "141029100001";

    @Autowired
    JdbcTemplate jdbc;

    static String schoolReport(String marker, String childJson) {
        return """
                {"categories":["MR04"],"urgent":false,"occurredAt":"2026-11-20T08:00:00Z",
                 "villageCode":"141029100001","narrative":"%s 学生身上多处淤青，自述在家被打",
                 "child":%s,
                 "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(marker, childJson);
    }

    static String child(String name, String idNumber) {
        return idNumber == null ? "{\"name\":\"%s\",\"sex\":\"MALE\",\"villageCode\":\"141029100001\"}".formatted(name)
                : "{\"name\":\"%s\",\"idNumber\":\"%s\",\"school\":\"城关小学\",\"villageCode\":\"141029100001\"}"
                        .formatted(name, idNumber);
    }

    MvcTestResult post(String user, String key, String body) {
        var request = mvc.post().uri("/api/v1/reports").header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.exchange();
    }

    int reportsWith(String marker) {
        return jdbc.queryForObject("select count(*) from intake_report where narrative like ?", Integer.class,
                marker + "%");
    }

    @Test
    void aSchoolReportCreatesACaseAndTheSchoolSeesOnlyItsReceiptAndStatus() {
        String marker = "M" + UUID.randomUUID();
        String id = TestIds.idNumber(TestIds.childBirthDate(), false);
        MvcTestResult created = post("school1", UUID.randomUUID().toString(),
                schoolReport(marker, child(TestIds.uniqueName(), id)));
        assertThat(created).hasStatus(201).headers().containsHeader("Location");
        assertThat(created).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.receiptNumber").asString().matches("R\\d{8}-\\d{6}");
            // receipt and status only: whether a case was opened or found is not the school's to learn
            assertThat(json).extractingPath("$.caseNumber").isNull();
            assertThat(json).extractingPath("$.caseId").isNull();
            assertThat(json).extractingPath("$.linkedToExistingCase").isNull();
            assertThat(json).extractingPath("$.policeNotificationDue").isNotNull();
        });
        Number reportId = read(created, "$.reportId");
        Number caseId = read(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("supervisor1"))
                .exchange(), "$.caseId");
        assertThat(read(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("supervisor1"))
                .exchange(), "$.caseNumber").toString()).matches("CP-141029-\\d{4}-\\d{6}");
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("school1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.statusLabel").isEqualTo("已接收");
                    assertThat(json).doesNotHavePath("$.narrative");
                    assertThat(json).doesNotHavePath("$.caseId");
                });
        assertThat(mvc.get().uri("/api/v1/reports?mine=true").header("Authorization", basic("school1")))
                .hasStatusOk().bodyJson().extractingPath("$.items[*].id").asArray().contains(reportId.intValue());
        // the school is never given the case file; another school's user cannot see the report at all
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("school1"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("clinic1"))).hasStatus(404);
        // the institution comes from the account; the case is opened in RECEIVED for supervisor1
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("supervisor1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.reporter.institutionName").isEqualTo("乡宁县城关小学");
                    assertThat(json).extractingPath("$.channel").isEqualTo("INSTITUTION");
                });
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("supervisor1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.status").isEqualTo("RECEIVED");
                    assertThat(json).extractingPath("$.sections.reports[0].receiptNumber").isNotNull();
                    assertThat(json).extractingPath("$.child.child.idNumberMasked").asString().contains("*");
                });
    }

    @Test
    void reporterAccountsMustSendAnIdempotencyKey() {
        assertThat(post("school1", null, schoolReport("x", child("甲", null)))).hasStatus(400)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/idempotency-key-required");
                    // the header is told as a field error, in the caller's language, like any other field
                    assertThat(json).extractingPath("$.errors[0].field").isEqualTo("Idempotency-Key");
                    assertThat(json).extractingPath("$.errors[0].message").isEqualTo(
                            "必须提供");
                });
    }

    @Test
    void theSameKeyTwiceStoresOneReportAndADifferentBodyIs422() {
        String marker = "M" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = schoolReport(marker, child(TestIds.uniqueName(), null));
        MvcTestResult first = post("school1", key, body);
        MvcTestResult second = post("school1", key, body);
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(200);
        assertThat((String) read(second, "$.receiptNumber")).isEqualTo(read(first, "$.receiptNumber"));
        assertThat((Boolean) read(second, "$.replayed")).isTrue();
        assertThat(reportsWith(marker)).isEqualTo(1);
        assertThat(post("school1", key, body.replace("多处淤青", "一处淤青"))).hasStatus(422)
                .bodyJson().extractingPath("$.type").isEqualTo("https://childprotect.cn/problems/idempotency-key-reused");
        assertThat(reportsWith(marker)).isEqualTo(1);
    }

    @Test
    void twentyConcurrentPostsWithOneKeyStoreExactlyOneReport() throws Exception {
        String marker = "M" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = schoolReport(marker, child(TestIds.uniqueName(), TestIds.idNumber(TestIds.childBirthDate(), true)));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Future<MvcTestResult>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return post("school1", key, body);
                }));
            }
            start.countDown();
            List<String> receipts = new ArrayList<>();
            int created = 0;
            for (Future<MvcTestResult> f : futures) {
                MvcTestResult result = f.get();
                int status = result.getResponse().getStatus();
                assertThat(status).isIn(200, 201);
                created += status == 201 ? 1 : 0;
                receipts.add(read(result, "$.receiptNumber"));
            }
            assertThat(created).isEqualTo(1);
            assertThat(receipts).hasSize(20).containsOnly(receipts.get(0));
        }
        finally {
            pool.shutdown();
        }
        assertThat(reportsWith(marker)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from cases_case c join intake_report r on r.case_id = c.id "
                + "where r.narrative like ?", Integer.class, marker + "%")).isEqualTo(1);
    }

    @Test
    void aSecondReportAboutTheSameIdNumberIsLinkedToTheOpenCase() {
        String id = TestIds.idNumber(TestIds.childBirthDate(), true);
        String name = TestIds.uniqueName();
        MvcTestResult first = post("school1", UUID.randomUUID().toString(), schoolReport("A" + UUID.randomUUID(), child(name, id)));
        MvcTestResult second = post("operator1", null, """
                {"channel":"HOTLINE","categories":["MR04"],"villageCode":"141029100001",
                 "narrative":"邻居来电：孩子又被打了","child":{"idNumber":"%s"},
                 "reporter":{"anonymous":true}}""".formatted(id));
        assertThat(first).hasStatus(201);
        assertThat(second).hasStatus(201).bodyJson().extractingPath("$.linkedToExistingCase").isEqualTo(true);
        Number caseId = read(second, "$.caseId");
        assertThat(((Number) read(mvc.get().uri("/api/v1/reports/{id}", read(first, "$.reportId").toString())
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue())
                .isEqualTo(caseId.longValue());
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1")))
                .bodyJson().extractingPath("$[*].kind").asArray()
                // a deadline sweep of the shared test context (its clock moved by other tests) may add an
                // ESCALATION line in between: the point here is one case, opened once, the report linked
                .filteredOn(kind -> !"ESCALATION".equals(kind)).containsExactly("OPENED", "REPORT_LINKED");
        // the ID number is found through its keyed hash in the case search
        assertThat(mvc.get().uri("/api/v1/cases?q=" + id).header("Authorization", basic("supervisor1")))
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.total").isEqualTo(1);
                    assertThat(json).extractingPath("$.items[0].childLabel").isEqualTo(name);
                });
        // the hotline sees the child masked, so a search by name does not find it (issue 18: masked means unsearchable)
        assertThat(mvc.get().uri("/api/v1/cases?q=" + name).header("Authorization", basic("operator1")))
                .bodyJson().extractingPath("$.total").isEqualTo(0);
    }

    @Test
    void theReporterIsHiddenFromDirectorsAndAgenciesButNotFromSupervisors() {
        MvcTestResult created = post("operator1", null, """
                {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001",
                 "narrative":"家长来电反映孩子在校被欺凌","child":{"name":"%s"},
                 "reporter":{"anonymous":false,"name":"赵女士","phone":"13900000002"}}""".formatted(TestIds.uniqueName()));
        assertThat(created).hasStatus(201);
        Number reportId = read(created, "$.reportId");
        Number caseId = read(created, "$.caseId");
        mvc.put().uri("/api/v1/cases/{id}/assignee", caseId).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"director1\"}").exchange();
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("director1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.reporter").isNull();
                    assertThat(json).extractingPath("$.reporterHidden").isEqualTo(true);
                    assertThat(json).extractingPath("$.narrative").isNotNull();
                });
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("director1")))
                .bodyJson().extractingPath("$.sections.reports[0].reporter").isNull();
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("police1"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("director2"))).hasStatus(404);
        assertThat(mvc.get().uri("/api/v1/reports/{id}", reportId).header("Authorization", basic("supervisor1")))
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.reporter.name").isEqualTo("赵女士");
                    assertThat(json).extractingPath("$.reporter.phone").isEqualTo("13900000002");
                });
        // stored encrypted, not in clear
        assertThat(jdbc.queryForObject("select reporter_phone_cipher from intake_report where id = ?", String.class,
                reportId.longValue())).startsWith("v1:").doesNotContain("13900000002");
    }

    @Test
    void mr02IsFlaggedForAGirlUnder14WhenPregnancyIsMarked() {
        String id = TestIds.idNumber(LocalDate.now().minusYears(12), true);
        MvcTestResult created = post("clinic1", UUID.randomUUID().toString(), """
                {"categories":["MR09"],"villageCode":"141029101001","narrative":"就诊发现怀孕",
                 "child":{"name":"%s","idNumber":"%s"},"pregnancyOrAbortion":true}""".formatted(TestIds.uniqueName(), id));
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.categories").asArray().contains("MR02", "MR09");
    }

    @Test
    void policeNotificationIsTrackedAndRecordedLater() {
        MvcTestResult created = post("operator1", null, """
                {"channel":"HOTLINE","categories":["MR01"],"urgent":true,"villageCode":"141029100002",
                 "narrative":"来电反映儿童疑似遭受性侵","child":{"identityUnknown":true,"description":"约 8 岁女孩，短发"},
                 "reporter":{"anonymous":true}}""");
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.policeNotificationDue").isNotNull();
        Number reportId = read(created, "$.reportId");
        assertThat(mvc.put().uri("/api/v1/reports/{id}/police-notification", reportId).header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"station\":\"城关派出所\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("police.notifiedAt");
        assertThat(mvc.put().uri("/api/v1/reports/{id}/police-notification", reportId).header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"notifiedAt\":\"2026-01-01T00:00:00Z\",\"station\":\"城关派出所\",\"receiptNumber\":\"JJ2026001\"}"))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.policeNotificationDue").isNull();
                    assertThat(json).extractingPath("$.police.station").isEqualTo("城关派出所");
                });
    }

    @Test
    void uncertainMatchesAreOfferedAndASupervisorCanLinkTheReportLater() {
        String name = TestIds.uniqueName();
        MvcTestResult first = post("operator1", null, """
                {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100003","narrative":"留守儿童独居",
                 "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(name));
        MvcTestResult second = post("operator1", null, """
                {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100003","narrative":"又有人反映",
                 "child":{"name":"%s","birthDate":"2016-05-01"},"reporter":{"anonymous":true}}""".formatted(name));
        Number firstCase = read(first, "$.caseId");
        assertThat(second).hasStatus(201).bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.linkedToExistingCase").isEqualTo(false);
            assertThat(json).extractingPath("$.possibleDuplicates[*].caseId").asArray().contains(firstCase.intValue());
        });
        Number secondReport = read(second, "$.reportId");
        Number secondCase = read(second, "$.caseId");
        assertThat(mvc.post().uri("/api/v1/reports/{id}/link", secondReport).header("Authorization", basic("director1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caseId\":" + firstCase + "}")).hasStatus(403);
        assertThat(mvc.post().uri("/api/v1/reports/{id}/link", secondReport).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"caseId\":" + firstCase + "}"))
                .hasStatusOk().bodyJson().extractingPath("$.caseId").isEqualTo(firstCase.intValue());
        assertThat(jdbc.queryForObject("select status from cases_case where id = ?", String.class, secondCase.longValue()))
                .isEqualTo("MERGED");
    }

    @Test
    void consultationsAreLoggedWithoutOpeningACase() {
        assertThat(post("operator1", null, """
                {"channel":"HOTLINE","categories":["CS01"],"villageCode":"141029100001","narrative":"咨询困境儿童补贴政策",
                 "child":{"name":"某某"},"reporter":{"anonymous":true}}""")).hasStatus(201)
                .bodyJson().extractingPath("$.caseId").isNull();
    }

    @Test
    void onlyFilingRolesMayPostReports() {
        for (String user : List.of("director1", "police1", "admin")) {
            assertThat(post(user, null, schoolReport("x", child("甲", null)))).hasStatus(403);
        }
    }
}

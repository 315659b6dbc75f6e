package cn.childprotect.cms.guardianship;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;

import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 13: the documents of a measure are .docx files with the child's name and the court, audited. */
class MeasureDocumentTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A case from a real report, so that the child has a name; accepted and assigned to director1. */
    long caseOfChild(String childName) {
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("school1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"categories":["MR04"],"villageCode":"141029100001","occurredAt":"2026-11-20T08:00:00Z",
                         "narrative":"学生身上多处淤青 %s","child":{"name":"%s","sex":"FEMALE","villageCode":"141029100001"},
                         "reporter":{"name":"班主任","phone":"13800000009"}}""".formatted(UUID.randomUUID(), childName))
                .exchange();
        assertThat(report).hasStatus(201);
        long reportId = ((Number) read(report, "$.reportId")).longValue();
        long caseId = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", reportId)
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue();
        acceptAndAssignToDirector1(caseId);
        return caseId;
    }

    long record(long caseId, String json) {
        MvcTestResult created = mvc.post().uri("/api/v1/cases/{id}/measures", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON).content(json)
                .exchange();
        assertThat(created).hasStatus(201);
        return ((Number) read(created, "$.id")).longValue();
    }

    static String text(MvcTestResult result) throws Exception {
        try (XWPFDocument doc = new XWPFDocument(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()));
                XWPFWordExtractor extractor = new XWPFWordExtractor(doc)) {
            return extractor.getText();
        }
    }

    MvcTestResult document(String user, long measureId, String kind) {
        return mvc.get().uri("/api/v1/measures/{id}/documents/{kind}", measureId, kind)
                .header("Authorization", basic(user)).exchange();
    }

    @Test
    void protectionOrderApplicationNamesTheChildAndTheCourtAndIsAudited() throws Exception {
        long caseId = caseOfChild("林小雨");
        long id = record(caseId, """
                {"type":"PROTECTION_ORDER","applicant":"城关镇妇女联合会","body":"乡宁县人民法院","urgent":true,
                 "occurredAt":"2026-11-20T09:00:00Z","groundsText":"被申请保护人多次遭受其父亲殴打，身上有多处新旧伤痕。"}""");
        MvcTestResult docx = document("director1", id, "PROTECTION_ORDER_APPLICATION");
        assertThat(docx).hasStatusOk().hasContentType(MeasureDocument.DOCX);
        assertThat(docx.getResponse().getHeader("Content-Disposition")).contains(".docx");
        String text = text(docx);
        assertThat(text).contains("人身安全保护令申请书", "林小雨", "乡宁县人民法院", "城关镇妇女联合会", "城关村",
                "被申请保护人多次遭受其父亲殴打", "二十四小时内作出裁定");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select count(*) from audit_entry where action = 'MEASURE_DOCUMENT_GENERATED' and target_id = ?",
                Integer.class, String.valueOf(id))).isEqualTo(1));

        // not a document of this type; not for someone outside the case
        assertThat(document("director1", id, "PLACEMENT_NOTICE")).hasStatus(409);
        assertThat(document("director2", id, "PROTECTION_ORDER_APPLICATION")).hasStatus(404);
        assertThat(document("school1", id, "PROTECTION_ORDER_APPLICATION")).hasStatus(403);
    }

    @Test
    void revocationApplicationAndPlacementNotice() throws Exception {
        long caseId = caseOfChild("赵小川");
        long revocation = record(caseId, """
                {"type":"GUARDIANSHIP_REVOCATION","applicant":"乡宁县民政局","body":"乡宁县人民法院",
                 "groundsText":"监护人长期拒绝履行监护职责，致使被监护人处于危困状态。"}""");
        assertThat(text(document("director1", revocation, "REVOCATION_APPLICATION")))
                .contains("撤销监护人资格申请书", "赵小川", "乡宁县人民法院", "民法典》第三十六条");
        long placement = record(caseId, """
                {"type":"TEMPORARY_GUARDIANSHIP","ground":"GD04","placement":"FOSTER_FAMILY","place":"城关镇寄养家庭",
                 "occurredAt":"2026-11-21T02:00:00Z"}""");
        assertThat(text(document("supervisor1", placement, "PLACEMENT_NOTICE")))
                .contains("临时监护安置通知书", "赵小川", "寄养家庭", "城关镇寄养家庭", "2026年11月21日", "怠于履行监护职责");
    }
}

package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import cn.childprotect.cms.audit.AuditLog;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * Issue 17 item 7: the child's record and guardians are corrected after intake by those who work
 * the case (audited, a timeline entry naming the fields, never their values), and case notes
 * (个案记录) are timeline entries.
 */
class ChildCorrectionAndCaseNoteTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog auditLog;

    @Test
    void theAssignedDirectorCorrectsTheChildAndTheGuardians() {
        String name = TestIds.uniqueName();
        long caseId = openCase(name);
        acceptAndAssignToDirector1(caseId);

        String corrected = TestIds.uniqueName();
        LocalDate birth = TestIds.childBirthDate();
        String id = TestIds.idNumber(birth, true);
        assertThat(put("director1", caseId, """
                {"name":"%s","sex":"FEMALE","birthDate":"%s","idNumber":"%s","school":"城关小学",
                 "guardians":[{"name":"王桂英","relation":"祖母","phone":"13900000001"}]}"""
                .formatted(corrected, birth, id))).hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.child.name").isEqualTo(corrected);
                    assertThat(json).extractingPath("$.child.idNumberMasked").asString().doesNotContain(id.substring(6, 14));
                    assertThat(json).extractingPath("$.guardians[0].name").isEqualTo("王桂英");
                });
        MvcTestResult form = mvc.get().uri("/api/v1/cases/{id}/child", caseId).header("Authorization", basic("director1"))
                .exchange();
        assertThat(form).hasStatusOk().bodyJson().satisfies(json -> {
            assertThat(json).extractingPath("$.birthDate").isEqualTo(birth.toString());
            assertThat(json).extractingPath("$.idNumber").isNull();
        });
        Number guardianId = read(form, "$.guardians[0].id");

        // correct the guardian's phone, add another; keeping the ID number needs no re-entry
        assertThat(put("director1", caseId, """
                {"name":"%s","sex":"FEMALE","birthDate":"%s","guardians":[
                 {"id":%s,"name":"王桂英","relation":"祖母","phone":"13900000002"},{"name":"李强","relation":"父亲"}]}"""
                .formatted(corrected, birth, guardianId))).hasStatusOk()
                .bodyJson().extractingPath("$.guardians[0].phone").isEqualTo("13900000002");
        // and remove the father again
        assertThat(put("director1", caseId, """
                {"name":"%s","sex":"FEMALE","birthDate":"%s","guardians":[{"id":%s,"name":"王桂英","relation":"祖母","phone":"13900000002"}]}"""
                .formatted(corrected, birth, guardianId))).hasStatusOk()
                .bodyJson().extractingPath("$.guardians.length()").isEqualTo(1);

        // the line names the fields, never the values; kept as key and labels, read in the reader's language
        var stored = jdbc.queryForList("select note_args from cases_timeline where case_id = ? and kind = 'CHILD_CORRECTED' "
                + "order by id", String.class, caseId);
        assertThat(stored).hasSize(3);
        assertThat(stored.get(0)).contains("child.field.name").doesNotContain(corrected).doesNotContain(name);
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("director1")))
                .hasStatusOk().bodyJson().extractingPath("$[?(@.kind == 'CHILD_CORRECTED')].note").asArray().hasSize(3)
                .satisfies(all -> assertThat(String.valueOf(all[0])).contains("姓名").contains("出生日期").contains("身份证号").contains("监护人"));
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("director1"))
                .header("Accept-Language", "en")).hasStatusOk().bodyJson()
                .extractingPath("$[?(@.kind == 'CHILD_CORRECTED')].note").asArray().hasSize(3).allSatisfy(n -> assertThat(String.valueOf(n))
                .startsWith("Corrected: ").doesNotContainPattern("\\p{IsHan}"));
        assertThat(auditLog.search("director1", "CHILD", null, "CHILD_CORRECTED", PageRequest.of(0, 50)).getContent())
                .anySatisfy(r -> assertThat(r.detail()).startsWith("case " + caseId + ":"));
    }

    @Test
    void aCorrectionIsCheckedAndOnlyThoseWhoWorkTheCaseMayMakeIt() {
        long caseId = openCase(TestIds.uniqueName());
        acceptAndAssignToDirector1(caseId);
        assertThat(put("director1", caseId, "{\"name\":\"张三\",\"idNumber\":\"141029201001011235\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("child.idNumber");
        assertThat(put("director1", caseId, "{\"name\":\"张三\",\"birthDate\":\"" + LocalDate.now().plusDays(2) + "\"}"))
                .hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("child.birthDate");
        for (String outsider : java.util.List.of("director2", "supervisor2", "operator1", "police1")) {
            assertThat(put(outsider, caseId, "{\"name\":\"张三\"}")).as(outsider).hasStatus(404);
            assertThat(mvc.get().uri("/api/v1/cases/{id}/child", caseId).header("Authorization", basic(outsider)))
                    .as(outsider).hasStatus(404);
        }
        assertThat(put("supervisor1", caseId, "{\"name\":\"张三\"}")).hasStatusOk();
    }

    @Test
    void caseNotesAreTimelineEntriesOfThoseWhoWorkTheCase() {
        long caseId = openCase(TestIds.uniqueName());
        acceptAndAssignToDirector1(caseId);
        assertThat(note("director1", caseId, "电话回访：儿童已返校，祖母照料")).hasStatus(201)
                .bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.kind").isEqualTo("NOTE");
                    assertThat(json).extractingPath("$.kindLabel").isEqualTo("个案记录");
                    assertThat(json).extractingPath("$.actor").isEqualTo("director1");
                });
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1")))
                .hasStatusOk().bodyJson().extractingPath("$[*].note").asArray().contains("电话回访：儿童已返校，祖母照料");
        // a person's own words stay text, as written, in every language
        assertThat(jdbc.queryForList("select note from cases_timeline where case_id = ? and kind = 'NOTE' and note_key is null",
                String.class, caseId)).containsExactly("电话回访：儿童已返校，祖母照料");
        assertThat(mvc.get().uri("/api/v1/cases/{id}/timeline", caseId).header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en")).hasStatusOk().bodyJson().extractingPath("$[*].note").asArray()
                .contains("电话回访：儿童已返校，祖母照料");
        assertThat(note("director1", caseId, "  ")).hasStatus(400).hasContentType("application/problem+json")
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("text");
        assertThat(note("director2", caseId, "x")).hasStatus(404);
        assertThat(note("operator1", caseId, "x")).hasStatus(404);
        assertThat(auditLog.search("director1", "CASE", String.valueOf(caseId), "CASE_NOTE_ADDED", PageRequest.of(0, 5))
                .getContent()).hasSize(1);
    }

    private long openCase(String childName) {
        MvcTestResult filed = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100001","narrative":"留守儿童独居",
                         "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(childName)).exchange();
        assertThat(filed).hasStatus(201);
        return ((Number) read(filed, "$.caseId")).longValue();
    }

    private MvcTestResult put(String user, long caseId, String json) {
        return mvc.put().uri("/api/v1/cases/{id}/child", caseId).header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(json).exchange();
    }

    private MvcTestResult note(String user, long caseId, String text) {
        return mvc.post().uri("/api/v1/cases/{id}/notes", caseId).header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content("{\"text\":\"" + text + "\"}").exchange();
    }
}

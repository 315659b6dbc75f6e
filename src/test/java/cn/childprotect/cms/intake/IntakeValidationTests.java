package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Each rule gives a 400 problem naming the field in Chinese, and nothing is stored. */
class IntakeValidationTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    private MvcTestResult post(String body) {
        return mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    private static String report(String marker, String categories, String village, String narrative, String child) {
        return """
                {"channel":"HOTLINE","categories":%s,"villageCode":"%s","narrative":"%s%s","child":%s,
                 "reporter":{"anonymous":true}}""".formatted(categories, village, marker, narrative, child);
    }

    private void assertRefused(String body, String field, String marker) {
        assertThat(post(body)).hasStatus(400)
                .hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().extractingPath("$.errors[*].field").asArray().contains(field);
        assertThat(jdbc.queryForObject("select count(*) from intake_report where narrative like ?", Integer.class,
                marker + "%")).isZero();
    }

    @Test
    void unknownCategory() {
        String m = "V" + UUID.randomUUID();
        assertRefused(report(m, "[\"MR99\"]", "141029100001", "x", "{\"name\":\"甲\"}"), "categories[0]", m);
    }

    @Test
    void noCategory() {
        String m = "V" + UUID.randomUUID();
        assertRefused(report(m, "[]", "141029100001", "x", "{\"name\":\"甲\"}"), "categories", m);
    }

    @Test
    void unknownOrNonVillageCode() {
        String m = "V" + UUID.randomUUID();
        assertRefused(report(m, "[\"BL01\"]", "141029100000", "x", "{\"name\":\"甲\"}"), "villageCode", m);
        assertRefused(report(m, "[\"BL01\"]", "999999999999", "x", "{\"name\":\"甲\"}"), "villageCode", m);
    }

    @Test
    void badIdCheckDigit() {
        String m = "V" + UUID.randomUUID();
        String valid = TestIds.idNumber(TestIds.childBirthDate(), false);
        char wrong = valid.charAt(17) == '1' ? '2' : '1';
        String bad = valid.substring(0, 17) + wrong;
        assertRefused(report(m, "[\"BL01\"]", "141029100001", "x", "{\"idNumber\":\"" + bad + "\",\"name\":\"甲\"}"),
                "child.idNumber", m);
    }

    @Test
    void birthDateThatDisagreesWithTheIdNumber() {
        String m = "V" + UUID.randomUUID();
        String id = TestIds.idNumber(LocalDate.of(2015, 3, 12), false);
        assertRefused(report(m, "[\"BL01\"]", "141029100001", "x",
                "{\"idNumber\":\"" + id + "\",\"name\":\"甲\",\"birthDate\":\"2015-03-13\"}"), "child.birthDate", m);
        assertRefused(report(m, "[\"BL01\"]", "141029100001", "x",
                "{\"idNumber\":\"" + id + "\",\"name\":\"甲\",\"sex\":\"FEMALE\"}"), "child.sex", m);
    }

    @Test
    void birthDateInTheFuture() {
        String m = "V" + UUID.randomUUID();
        assertRefused(report(m, "[\"BL01\"]", "141029100001", "x",
                "{\"name\":\"甲\",\"birthDate\":\"" + LocalDate.now().plusDays(3) + "\"}"), "child.birthDate", m);
    }

    @Test
    void childMustBeDescribable() {
        String m = "V" + UUID.randomUUID();
        assertRefused(report(m, "[\"BL01\"]", "141029100001", "x", "{\"identityUnknown\":true}"), "child.name", m);
    }

    @Test
    void narrativeTooLong() {
        String m = "V" + UUID.randomUUID();
        assertRefused(report(m, "[\"BL01\"]", "141029100001", "x".repeat(10_001), "{\"name\":\"甲\"}"), "narrative", m);
    }

    @Test
    void namedHotlineReportNeedsTheCallersName() {
        assertThat(post("""
                {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"x",
                 "child":{"name":"甲"},"reporter":{"anonymous":false}}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("reporter.name");
    }

    @Test
    void wrongContentTypeAndOversizedBody() {
        assertThat(mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.TEXT_PLAIN).content("hello")).hasStatus(415);
        String huge = report("V", "[\"BL01\"]", "141029100001", "x".repeat(300_000), "{\"name\":\"甲\"}");
        assertThat(post(huge)).hasStatus(413).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void taxonomyIsServed() {
        assertThat(mvc.get().uri("/api/v1/taxonomy/report-categories").header("Authorization", basic("school1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    assertThat(json).extractingPath("$.categories[?(@.code=='MR01')].mandatoryReport").asArray()
                            .containsExactly(true);
                    assertThat(json).extractingPath("$.categories[*].code").asArray().contains("GD05", "CS01", "AID01");
                    assertThat(json).extractingPath("$.institutionTypes[*].code").asArray().contains("SCHOOL", "MEDICAL");
                });
    }
}

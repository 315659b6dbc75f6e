package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** History of involvement (docs/domain.md §8): the child's and the family's earlier reports and cases. */
class InvolvementHistoryTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** Files a hotline report about a child with one guardian; returns {caseId, childId}. */
    long[] file(String childName, String guardianPhone, String category) {
        String body = """
                {"channel":"HOTLINE","categories":["%s"],"villageCode":"141029100001","narrative":"邻居来电反映",
                 "child":{"name":"%s","sex":"MALE","villageCode":"141029100001",
                          "guardians":[{"name":"王大山","relation":"父亲","phone":"%s"}]},
                 "police":{"notifiedAt":"2026-11-20T08:00:00Z","station":"城关派出所","receiptNumber":"J1"},
                 "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(category, childName, guardianPhone);
        MvcTestResult filed = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        assertThat(filed).hasStatus(201);
        long caseId = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", ((Number) read(filed, "$.reportId")).longValue())
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue();
        long childId = ((Number) read(mvc.get().uri("/api/v1/cases/{id}", caseId)
                .header("Authorization", basic("supervisor1")).exchange(), "$.childId")).longValue();
        return new long[] { caseId, childId };
    }

    MvcTestResult history(String user, long childId) {
        return mvc.get().uri("/api/v1/children/{id}/history", childId).header("Authorization", basic(user)).exchange();
    }

    static String phone() {
        return "139" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    @Test
    void aGuardiansEarlierCaseShowsUpForASiblingNewestFirstWithCounts() {
        String phone = phone();
        long[] elder = file(TestIds.uniqueName(), phone, "MR04");
        assertThat(fire("supervisor1", elder[0], "SCREEN_OUT", "经核实不属于侵害情形")).hasStatusOk();
        long[] younger = file(TestIds.uniqueName(), phone, "MR06");
        // the case file read by file(...) shows the history too, and audits it as well
        int readsBefore = historyReads("supervisor1", younger[1]);

        MvcTestResult read = history("supervisor1", younger[1]);
        assertThat(read).hasStatusOk();
        List<String> kinds = read(read, "$.entries[*].kind");
        List<Number> children = read(read, "$.entries[*].childId");
        List<String> relations = read(read, "$.entries[?(@.childId == " + elder[1] + ")].relation");
        assertThat(kinds).containsExactlyInAnyOrder("REPORT", "CASE", "REPORT", "CASE");
        assertThat(children.get(0).longValue()).isEqualTo(younger[1]);
        assertThat(relations).containsOnly("SHARED_GUARDIAN");
        assertThat(read).bodyJson().extractingPath("$.counts.reportsLast12Months").isEqualTo(2);
        assertThat(read).bodyJson().extractingPath("$.counts.cases").isEqualTo(2);
        assertThat(read).bodyJson().extractingPath("$.counts.openCases").isEqualTo(1);
        assertThat(read).bodyJson().extractingPath("$.counts.relatedChildren").isEqualTo(1);
        assertThat(read).bodyJson().extractingPath("$.summary").asString().contains("2");
        List<String> statuses = read(read, "$.entries[?(@.childId == " + elder[1] + " && @.kind == 'CASE')].status");
        assertThat(statuses).containsExactly("SCREENED_OUT");
        assertThat(historyReads("supervisor1", younger[1])).isEqualTo(readsBefore + 1);
    }

    private int historyReads(String actor, long childId) {
        return jdbc.queryForObject("select count(*) from audit_entry where action = 'CHILD_HISTORY_READ' "
                + "and actor = ? and target_id = ?", Integer.class, actor, String.valueOf(childId));
    }

    /** The guardianship module adds its measures through the InvolvementSource seam; intake does not know it. */
    @Test
    void aMeasureOnASiblingsCaseIsPartOfTheFamilysHistory() {
        String phone = phone();
        long[] elder = file(TestIds.uniqueName(), phone, "MR04");
        MvcTestResult measure = mvc.post().uri("/api/v1/cases/{id}/measures", elder[0])
                .header("Authorization", basic("supervisor1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\":\"LEGAL_AID\",\"body\":\"县法律援助中心\",\"referenceNumber\":\"援-1\"}").exchange();
        assertThat(measure).hasStatus(201);
        long[] younger = file(TestIds.uniqueName(), phone, "MR06");
        // the case file read by file(...) shows the history too, and audits it as well
        int readsBefore = historyReads("supervisor1", younger[1]);

        MvcTestResult read = history("supervisor1", younger[1]);
        assertThat(read).hasStatusOk();
        List<Number> measures = read(read, "$.entries[?(@.kind == 'MEASURE')].caseId");
        assertThat(measures).extracting(Number::longValue).containsExactly(elder[0]);
        List<Number> children = read(read, "$.entries[?(@.kind == 'MEASURE')].childId");
        assertThat(children).extracting(Number::longValue).containsExactly(elder[1]);
    }

    @Test
    void operatorsSeeItMaskedAndADirectorOfAnotherTownshipGets404() throws Exception {
        String phone = phone();
        String name = TestIds.uniqueName();
        long[] child = file(name, phone, "MR04");

        MvcTestResult operator = history("operator1", child[1]);
        assertThat(operator).hasStatusOk().bodyJson().extractingPath("$.masked").isEqualTo(true);
        assertThat(operator).bodyJson().extractingPath("$.childLabel").asString().doesNotContain(name.substring(1))
                .startsWith(name.substring(0, 1));
        assertThat(operator.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain(name);

        assertThat(history("supervisor1", child[1])).hasStatusOk().bodyJson().extractingPath("$.childLabel")
                .isEqualTo(name);
        assertThat(history("director2", child[1])).hasStatus(404);
        assertThat(history("school1", child[1])).hasStatus(403);
        assertThat(history("director1", child[1])).hasStatusOk().bodyJson().extractingPath("$.masked").isEqualTo(true);
    }
}

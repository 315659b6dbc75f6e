package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Screening (docs/domain.md §8): response priority at ACCEPT, its proposal and override, the first contact. */
class ScreeningTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

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

    MvcTestResult detail(String user, long caseId) {
        return mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic(user)).exchange();
    }

    MvcTestResult accept(long caseId, String body) {
        String etag = detail("supervisor1", caseId).getResponse().getHeader("ETag");
        return mvc.post().uri("/api/v1/cases/{id}/transitions", caseId).header("Authorization", basic("supervisor1"))
                .header("If-Match", etag).contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    MvcTestResult firstContact(String user, long caseId, String body) {
        return mvc.post().uri("/api/v1/cases/{id}/first-contact", caseId).header("Authorization", basic(user))
                .contentType(MediaType.APPLICATION_JSON).content(body).exchange();
    }

    int items(long caseId, String level, String status) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = 'FIRST_CONTACT' and source_id = ? "
                + "and level = ? and status = ?", Integer.class, caseId, level, status);
    }

    @Test
    void theProposalIsShownWithItsReasonsAndTakenWhenAnOlderClientSendsNoPriority() {
        long id = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR01", "BL01"), false).id();
        MvcTestResult before = detail("supervisor1", id);
        assertThat(before).hasStatusOk().bodyJson().extractingPath("$.proposedPriority").isEqualTo("IMMEDIATE");
        assertThat(before).bodyJson().extractingPath("$.responsePriority").isNull();
        List<String> reasons = read(before, "$.proposalReasons");
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("MR01")).anySatisfy(r -> assertThat(r).contains("BL01"));

        assertThat(accept(id, "{\"event\":\"ACCEPT\"}")).hasStatusOk();
        MvcTestResult after = detail("supervisor1", id);
        assertThat(after).bodyJson().extractingPath("$.responsePriority").isEqualTo("IMMEDIATE");
        assertThat(after).bodyJson().extractingPath("$.overrideReason").isNull();
        assertThat(Instant.parse(read(after, "$.firstContactDue")))
                .isEqualTo(Instant.parse(read(after, "$.acceptedAt")).plus(Duration.ofHours(2)));
    }

    @Test
    void anOverrideNeedsAReasonAndKeepsTheProposalOnRecord() {
        long id = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR04"), false).id();
        assertThat(accept(id, "{\"event\":\"ACCEPT\",\"responsePriority\":\"D3\"}")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("overrideReason");
        assertThat(detail("supervisor1", id)).bodyJson().extractingPath("$.status").isEqualTo("RECEIVED");

        assertThat(accept(id, """
                {"event":"ACCEPT","responsePriority":"D3","overrideReason":"警方已将儿童送至亲属处，安全"}""")).hasStatusOk();
        MvcTestResult after = detail("supervisor1", id);
        assertThat(after).bodyJson().extractingPath("$.proposedPriority").isEqualTo("H24");
        assertThat(after).bodyJson().extractingPath("$.responsePriority").isEqualTo("D3");
        assertThat(after).bodyJson().extractingPath("$.overrideReason").isEqualTo("警方已将儿童送至亲属处，安全");
        assertThat(Instant.parse(read(after, "$.firstContactDue")))
                .isEqualTo(Instant.parse(read(after, "$.acceptedAt")).plus(Duration.ofDays(3)));
        assertThat(jdbc.queryForObject("select count(*) from cases_timeline where case_id = ? and kind = 'SCREENING' "
                + "and note_key = 'screening.timeline.priority-override' and note_args like '%警方已将儿童送至亲属处%'",
                Integer.class, id)).isEqualTo(1);
    }

    @Test
    void aYoungChildRaisesTheProposal() {
        String body = """
                {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"幼儿园孩子被大孩子欺负",
                 "child":{"name":"%s","sex":"FEMALE","birthDate":"%s","villageCode":"141029100001"},
                 "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(TestIds.uniqueName(),
                LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).minusYears(4).minusDays(10));
        MvcTestResult filed = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        assertThat(filed).hasStatus(201);
        long reportId = ((Number) read(filed, "$.reportId")).longValue();
        long caseId = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", reportId)
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue();

        MvcTestResult detail = detail("supervisor1", caseId);
        assertThat(detail).bodyJson().extractingPath("$.proposedPriority").isEqualTo("H24");
        List<String> reasons = read(detail, "$.proposalReasons");
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("4").contains("6"));
    }

    @Test
    void aMissedFirstContactEscalatesOncePerLevelAndTheContactSettlesIt() {
        long id = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR05"), false).id();
        assertThat(firstContact("supervisor1", id, "{}")).hasStatus(409);
        acceptAndAssignToDirector1(id);

        clock.advance(Duration.ofHours(3));
        sweep.sweep();
        sweep.sweep();
        assertThat(items(id, "TOWNSHIP", "OPEN")).isEqualTo(1);
        assertThat(items(id, "COUNTY", "OPEN")).isZero();
        assertThat(detail("director1", id)).bodyJson().extractingPath("$.firstContactOverdue").isEqualTo(true);

        clock.advance(Duration.ofHours(24));
        sweep.sweep();
        sweep.sweep();
        assertThat(items(id, "TOWNSHIP", "OPEN")).isEqualTo(1);
        assertThat(items(id, "COUNTY", "OPEN")).isEqualTo(1);

        assertThat(firstContact("director2", id, "{}")).hasStatus(404);
        assertThat(firstContact("director1", id, "{\"note\":\"在外婆家见到孩子，身上无新伤\"}")).hasStatus(201)
                .bodyJson().extractingPath("$.firstContactBy").isEqualTo("director1");
        assertThat(items(id, "TOWNSHIP", "OPEN") + items(id, "COUNTY", "OPEN")).isZero();
        assertThat(items(id, "TOWNSHIP", "RESOLVED") + items(id, "COUNTY", "RESOLVED")).isEqualTo(2);
        assertThat(firstContact("director1", id, "{}")).hasStatus(409);
        assertThat(jdbc.queryForObject("select count(*) from cases_timeline where case_id = ? and kind = 'FIRST_CONTACT'",
                Integer.class, id)).isEqualTo(1);

        sweep.sweep();
        assertThat(items(id, "TOWNSHIP", "OPEN") + items(id, "COUNTY", "OPEN")).isZero();
    }

    @Test
    void aScreenedOutCaseOwesNoContactAndKeepsItsReasonAndReferral() {
        long id = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR09"), false).id();
        assertThat(accept(id, "{\"event\":\"ACCEPT\"}")).hasStatusOk();
        assertThat(accept(id, """
                {"event":"SCREEN_OUT","reason":"家长咨询入学政策","screenOutReason":"NO_SUCH"}""")).hasStatus(400)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("screenOutReason");
        assertThat(accept(id, """
                {"event":"SCREEN_OUT","reason":"家长咨询入学政策","screenOutReason":"SERVICE_REQUEST",
                 "referredTo":"县教育局招生办"}""")).hasStatusOk();

        MvcTestResult after = detail("supervisor1", id);
        assertThat(after).bodyJson().extractingPath("$.screenOutReason").isEqualTo("SERVICE_REQUEST");
        assertThat(after).bodyJson().extractingPath("$.referredTo").isEqualTo("县教育局招生办");
        clock.advance(Duration.ofDays(2));
        sweep.sweep();
        assertThat(items(id, "TOWNSHIP", "OPEN")).isZero();
    }

    @Test
    void anOlderClientsScreenOutIsRecordedAsOther() {
        long id = fixtures.open(CaseFixtures.VILLAGE_1_1, Set.of("MR09"), false).id();
        assertThat(fire("supervisor1", id, "SCREEN_OUT", "重复来电")).hasStatusOk();
        assertThat(detail("supervisor1", id)).bodyJson().extractingPath("$.screenOutReason").isEqualTo("OTHER");
    }
}

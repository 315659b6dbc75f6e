package cn.childprotect.cms.escalations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

import cn.childprotect.cms.escalations.events.EscalationsResolvedWithCase;

/** "未按时报警" is raised for a case that still needs work, never for a closed or screened-out one. */
@RecordApplicationEvents
class PoliceNotificationSweepTests extends IntegrationTest {

    @Autowired
    ApplicationEvents published;

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

    /** A school's MR04 report without a police notification (1 h deadline); returns {reportId, caseId}. */
    long[] fileMandatoryReport() {
        String body = """
                {"categories":["MR04"],"villageCode":"141029100001","occurredAt":"2026-11-20T08:00:00Z",
                 "narrative":"学生身上多处淤青，自述在家被打",
                 "child":{"name":"%s","sex":"MALE","villageCode":"141029100001"},
                 "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(TestIds.uniqueName());
        MvcTestResult created = mvc.post().uri("/api/v1/reports").header("Authorization", basic("school1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
        assertThat(created).hasStatus(201).bodyJson().extractingPath("$.policeNotificationDue").isNotNull();
        long reportId = ((Number) read(created, "$.reportId")).longValue();
        // a school's receipt does not name the case (issue 18): the supervisor's view of the report does
        return new long[] { reportId, ((Number) read(mvc.get().uri("/api/v1/reports/{id}", reportId)
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue() };
    }

    int policeItems(long reportId) {
        return jdbc.queryForObject("select count(*) from escalations_item where kind = 'POLICE_NOTIFICATION' "
                + "and source_id = ?", Integer.class, reportId);
    }

    @Test
    void anOpenCaseRaisesItButAScreenedOutOneDoesNot() {
        long[] open = fileMandatoryReport();
        long[] screened = fileMandatoryReport();
        assertThat(fire("supervisor1", screened[1], "SCREEN_OUT", "核实后不属于侵害情形")).hasStatusOk();

        clock.advance(Duration.ofHours(3));
        sweep.sweep();

        assertThat(policeItems(open[0])).isEqualTo(1);
        assertThat(policeItems(screened[0])).isZero();
        assertThat(jdbc.queryForObject("select police_deadline from intake_report where id = ?", java.sql.Timestamp.class,
                screened[0])).isNull();
    }

    @Test
    void aClosedCaseRaisesItNoMoreAndAReopenedOneWaitsAgain() {
        long[] report = fileMandatoryReport();
        long caseId = report[1];
        acceptAndAssignToDirector1(caseId);
        completeAssessment("director1", caseId, LOW_RISK_ANSWERS);
        assertThat(fire("director1", caseId, "COMPLETE_ASSESSMENT", null)).hasStatusOk();
        writePlan("director1", caseId);
        assertThat(fire("director1", caseId, "START_SUPPORT", null)).hasStatusOk();
        assertThat(fire("director1", caseId, "REQUEST_CLOSURE", "儿童安全，家庭恢复正常")).hasStatusOk();
        assertThat(fire("supervisor1", caseId, "APPROVE_CLOSURE", null)).hasStatusOk();

        clock.advance(Duration.ofHours(3));
        sweep.sweep();
        assertThat(policeItems(report[0])).isZero();

        // reopened: the police notification is awaited again, from the reopening
        assertThat(fire("supervisor1", caseId, "REOPEN", "新的线索")).hasStatusOk();
        assertThat(jdbc.queryForObject("select police_deadline from intake_report where id = ?", java.sql.Timestamp.class,
                report[0])).isNotNull();
        clock.advance(Duration.ofHours(3));
        sweep.sweep();
        assertThat(policeItems(report[0])).isEqualTo(1);
    }

    @Test
    void anItemResolvedBecauseItsCaseEndedIsToldToTheStatistics() {
        long[] report = fileMandatoryReport();
        clock.advance(Duration.ofHours(3));
        sweep.sweep();
        long item = jdbc.queryForObject("select id from escalations_item where kind = 'POLICE_NOTIFICATION' "
                + "and source_id = ?", Long.class, report[0]);
        assertThat(fire("supervisor1", report[1], "SCREEN_OUT", "核实后不属于侵害情形")).hasStatusOk();
        assertThat(jdbc.queryForObject("select status from escalations_item where id = ?", String.class, item))
                .isEqualTo("RESOLVED");
        // the rollup learns of it from this event (EscalationStatsFacts), as of an item a person resolves
        assertThat(published.stream(EscalationsResolvedWithCase.class))
                .anySatisfy(e -> assertThat(e.escalationIds()).contains(item));
    }
}

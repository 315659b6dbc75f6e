package cn.childprotect.cms.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.childprotect.cms.escalations.DeadlineSweep;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.MutableClock;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 12 item 6: a key-period sweep, its progress per village and the escalation of its overdue visits. */
class RegisterCampaignTests extends IntegrationTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

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

    long confirmed(String director, String supervisor, String village, String category) {
        MvcTestResult created = api().as(director).post("/api/v1/register", """
                {"child":{"name":"排查%s","birthDate":"2015-01-01"},"villageCode":"%s","categories":["%s"],"tier":"GREEN"}"""
                .formatted(UUID.randomUUID().toString().substring(0, 6), village, category));
        long id = ((Number) read(created, "$.id")).longValue();
        for (String[] step : new String[][] { { supervisor, "APPROVE" }, { "county1", "CONFIRM" } }) {
            long version = ((Number) read(api().as(step[0]).get("/api/v1/register/{id}", id), "$.version")).longValue();
            assertThat(api().as(step[0]).post("/api/v1/register/{id}/transitions",
                    "{\"event\":\"%s\",\"version\":%d}".formatted(step[1], version), id)).hasStatusOk();
        }
        return id;
    }

    @Test
    void everyChildInScopeGetsACampaignVisitWhoseProgressShowsPerVillageAndWhoseMissEscalatesOnce() {
        long visited = confirmed("director1", "supervisor1", "141029100001", "LEFT_BEHIND");
        long missed = confirmed("director1", "supervisor1", "141029100001", "LEFT_BEHIND");
        long otherCategory = confirmed("director1", "supervisor1", "141029100001", "MIGRANT");
        long otherTownship = confirmed("director2", "supervisor2", "141029101001", "LEFT_BEHIND");
        LocalDate today = LocalDate.now(ZONE);

        assertThat(api().as("director1").post("/api/v1/register-campaigns", """
                {"name":"寒假特别关爱","categories":["LEFT_BEHIND"],"startsOn":"%s","endsOn":"%s"}""".formatted(today,
                today.plusDays(3)))).hasStatus(403);
        assertThat(api().as("supervisor1").post("/api/v1/register-campaigns", """
                {"name":"越界排查","scopeCode":"141029101000","startsOn":"%s","endsOn":"%s"}""".formatted(today,
                today.plusDays(3)))).hasStatus(400);
        MvcTestResult opened = api().as("supervisor1").post("/api/v1/register-campaigns", """
                {"name":"寒假特别关爱","categories":["LEFT_BEHIND"],"startsOn":"%s","endsOn":"%s"}""".formatted(today,
                today.plusDays(3)));
        assertThat(opened).hasStatus(201);
        long campaign = ((Number) read(opened, "$.id")).longValue();
        Integer rows = jdbc.queryForObject("select count(*) from monitoring_campaign_visit where campaign_id = ? and entry_id in (?, ?, ?, ?)",
                Integer.class, campaign, visited, missed, otherCategory, otherTownship);
        assertThat(rows).isEqualTo(2);

        assertThat(api().as("director1").post("/api/v1/register/{id}/visits",
                "{\"visitedOn\":\"%s\",\"kind\":\"HOME\",\"safety\":\"SAFE\"}".formatted(today), visited)).hasStatus(201);
        List<Map<String, Object>> progress = read(api().as("director1").get("/api/v1/register-campaigns/{id}/progress",
                campaign), "$[?(@.villageCode == '141029100001')]");
        assertThat(progress).hasSize(1);
        assertThat(((Number) progress.get(0).get("done")).longValue()).isPositive();
        assertThat(((Number) progress.get(0).get("due")).longValue()).isPositive();
        assertThat(api().as("supervisor2").get("/api/v1/register-campaigns/{id}/progress", campaign)).hasStatus(404);

        long missedRow = jdbc.queryForObject("select id from monitoring_campaign_visit where campaign_id = ? and entry_id = ?",
                Long.class, campaign, missed);
        clock.advance(Duration.ofDays(5));
        sweep.sweep();
        sweep.sweep();
        assertThat(jdbc.queryForObject("select count(*) from escalations_item where kind = 'CAMPAIGN_VISIT' and source_id = ?",
                Integer.class, missedRow)).isEqualTo(1);
        long visitedRow = jdbc.queryForObject("select id from monitoring_campaign_visit where campaign_id = ? and entry_id = ?",
                Long.class, campaign, visited);
        assertThat(jdbc.queryForObject("select count(*) from escalations_item where kind = 'CAMPAIGN_VISIT' and source_id = ?",
                Integer.class, visitedRow)).isZero();
        List<Map<String, Object>> later = read(api().as("supervisor1").get("/api/v1/register-campaigns/{id}/progress",
                campaign), "$[?(@.villageCode == '141029100001')]");
        assertThat(((Number) later.get(0).get("overdue")).longValue()).isPositive();
    }

    int campaignVisits(long campaign, long entry) {
        return jdbc.queryForObject("select count(*) from monitoring_campaign_visit where campaign_id = ? and entry_id = ?",
                Integer.class, campaign, entry);
    }

    MvcTestResult step(String user, long entry, String event, String extra) {
        long version = ((Number) read(api().as(user).get("/api/v1/register/{id}", entry), "$.version")).longValue();
        return api().as(user).post("/api/v1/register/{id}/transitions",
                "{\"event\":\"%s\",\"version\":%d%s}".formatted(event, version, extra), entry);
    }

    @Test
    void aChildConfirmedDuringACampaignJoinsItAndAnExitedChildLeavesIt() {
        LocalDate today = LocalDate.now(ZONE);
        long before = confirmed("director1", "supervisor1", "141029100001", "LEFT_BEHIND");
        MvcTestResult opened = api().as("supervisor1").post("/api/v1/register-campaigns", """
                {"name":"暑期防溺水","categories":["LEFT_BEHIND"],"startsOn":"%s","endsOn":"%s"}""".formatted(today,
                today.plusDays(3)));
        assertThat(opened).hasStatus(201);
        long campaign = ((Number) read(opened, "$.id")).longValue();
        assertThat(campaignVisits(campaign, before)).isEqualTo(1);

        long joined = confirmed("director1", "supervisor1", "141029100001", "LEFT_BEHIND");
        long otherCategory = confirmed("director1", "supervisor1", "141029100001", "MIGRANT");
        long otherTownship = confirmed("director2", "supervisor2", "141029101001", "LEFT_BEHIND");
        assertThat(campaignVisits(campaign, joined)).isEqualTo(1);
        assertThat(campaignVisits(campaign, otherCategory)).isZero();
        assertThat(campaignVisits(campaign, otherTownship)).isZero();

        long beforeRow = jdbc.queryForObject("select id from monitoring_campaign_visit where campaign_id = ? and entry_id = ?",
                Long.class, campaign, before);
        long joinedRow = jdbc.queryForObject("select id from monitoring_campaign_visit where campaign_id = ? and entry_id = ?",
                Long.class, campaign, joined);
        assertThat(step("director1", before, "REQUEST_EXIT", ",\"exitReason\":\"PARENTS_RETURNED\"")).hasStatusOk();
        assertThat(step("supervisor1", before, "APPROVE", "")).hasStatusOk();
        assertThat(step("county1", before, "CONFIRM", "")).hasStatusOk();
        assertThat(campaignVisits(campaign, before)).isZero();

        clock.advance(Duration.ofDays(5));
        sweep.sweep();
        String escalated = "select count(*) from escalations_item where kind = 'CAMPAIGN_VISIT' and source_id = ?";
        assertThat(jdbc.queryForObject(escalated, Integer.class, joinedRow)).isEqualTo(1);
        assertThat(jdbc.queryForObject(escalated, Integer.class, beforeRow)).isZero();
    }
}

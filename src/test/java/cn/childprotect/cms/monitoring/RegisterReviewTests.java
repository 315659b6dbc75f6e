package cn.childprotect.cms.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/** Issue 12 item 5: exit reviews by age (留守 16, all 18) and the 6-monthly tier review, flagged once. */
class RegisterReviewTests extends IntegrationTest {

    @Autowired
    Register register;

    @Autowired
    TransactionTemplate tx;

    long confirmedLeftBehind(LocalDate birth) {
        MvcTestResult created = api().as("director1").post("/api/v1/register", """
                {"child":{"name":"复核%s","birthDate":"%s"},"villageCode":"141029100001",
                 "categories":["LEFT_BEHIND"],"tier":"YELLOW"}""".formatted(UUID.randomUUID().toString().substring(0, 6), birth));
        assertThat(created).hasStatus(201);
        long id = ((Number) read(created, "$.id")).longValue();
        for (String[] step : new String[][] { { "supervisor1", "APPROVE" }, { "county1", "CONFIRM" } }) {
            long version = ((Number) read(api().as(step[0]).get("/api/v1/register/{id}", id), "$.version")).longValue();
            assertThat(api().as(step[0]).post("/api/v1/register/{id}/transitions",
                    "{\"event\":\"%s\",\"version\":%d}".formatted(step[1], version), id)).hasStatusOk();
        }
        return id;
    }

    List<String> flags(long id) {
        return read(api().as("director1").get("/api/v1/register/{id}", id), "$.reviewFlags");
    }

    int flagDue(LocalDate day) {
        return tx.execute(s -> register.flagDueReviews(day, 10_000));
    }

    @Test
    void aLeftBehindChildTurning16IsFlaggedOnceForAnExitReviewThenAgainAt18() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        LocalDate birth = today.minusYears(16).plusDays(3);
        long id = confirmedLeftBehind(birth);
        flagDue(today.plusDays(2));
        assertThat(flags(id)).isEmpty();
        flagDue(today.plusDays(3));
        assertThat(flags(id)).containsExactly("AGE_REVIEW");
        List<String> actions = read(api().as("director1").get("/api/v1/register/{id}/history", id), "$[*].action");
        flagDue(today.plusDays(4));
        assertThat((List<String>) read(api().as("director1").get("/api/v1/register/{id}/history", id), "$[*].action"))
                .hasSameSizeAs(actions);
        assertThat(actions).containsOnlyOnce("AGE_REVIEW");
        // the next review is the 18th birthday
        flagDue(birth.plusYears(18));
        assertThat((List<String>) read(api().as("director1").get("/api/v1/register/{id}/history", id), "$[*].action"))
                .filteredOn("AGE_REVIEW"::equals).hasSize(2);
    }

    @Test
    void theTierIsDueForReviewAfterSixMonthsAndSettingItClearsTheFlag() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        long id = confirmedLeftBehind(today.minusYears(10));
        String due = read(api().as("director1").get("/api/v1/register/{id}", id), "$.tierReviewOn");
        assertThat(due).isEqualTo(today.plusDays(182).toString());
        flagDue(today.plusDays(182));
        assertThat(flags(id)).containsExactly("TIER_REVIEW");

        long version = ((Number) read(api().as("supervisor1").get("/api/v1/register/{id}", id), "$.version")).longValue();
        MvcTestResult reviewed = mvc.patch().uri("/api/v1/register/{id}", id).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"tier\":\"YELLOW\",\"note\":\"复核后维持黄色\",\"version\":%d}".formatted(version)).exchange();
        assertThat(reviewed).hasStatusOk();
        assertThat((List<String>) read(reviewed, "$.reviewFlags")).isEmpty();
        assertThat(read(reviewed, "$.tierReviewOn").toString()).isEqualTo(today.plusDays(182).toString());
    }
}

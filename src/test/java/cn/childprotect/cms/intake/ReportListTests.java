package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.shared.CappedTotal;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reports list counts neither an account's reports nor a supervisor's scope on every page
 * (issue 19): exact on the last page, otherwise only up to {@link CappedTotal#CAP}.
 */
class ReportListTests extends IntegrationTest {

    /** Far above the id blocks the service hands out, and apart from other tests' ranges. */
    static final long IDS = 8_100_000_000L;

    static final PageRequest NEWEST = PageRequest.of(0, 20,
            Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by(Sort.Direction.DESC, "id")));

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    IntakeQueries queries;

    @Test
    void anOperatorsLongListCountsOnlyUpToAThousand() {
        String run = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
        String operator = "cap-op-" + run;
        CurrentUser user = new CurrentUser(operator, operator, Role.HOTLINE_OPERATOR, "141029100001", null, null, null);
        long first = IDS + ThreadLocalRandom.current().nextLong(1_000) * 10_000;
        try {
            insertReports(first, 1_005, operator, "141029100001", run);
            assertCapped(queries.list(false, user, NEWEST), queries.list(false, user, NEWEST.withPage(50)));
            // a REPORTER's own reports are counted the same way
            CurrentUser reporter = new CurrentUser(operator, operator, Role.REPORTER, "141029100001", null, null, null);
            assertCapped(queries.myFeedback(reporter, NEWEST), queries.myFeedback(reporter, NEWEST.withPage(50)));
        }
        finally {
            jdbc.update("delete from intake_report where id >= ? and id < ?", first, first + 10_000);
        }
    }

    @Test
    void aSupervisorsScopeIsCountedOnlyUpToAThousand() {
        String run = String.valueOf(ThreadLocalRandom.current().nextInt(1_000_000));
        // a village of its own, so that no other test's reports are in this scope
        String village = "520102998" + "%03d".formatted(1 + ThreadLocalRandom.current().nextInt(998));
        CurrentUser supervisor = new CurrentUser("cap-sup-" + run, "cap", Role.SUPERVISOR, village, null, null, null);
        long first = IDS + 10_000_000 + ThreadLocalRandom.current().nextLong(1_000) * 10_000;
        try {
            insertReports(first, 1_005, "cap-op-" + run, village, run);
            assertCapped(queries.list(false, supervisor, NEWEST), queries.list(false, supervisor, NEWEST.withPage(50)));
        }
        finally {
            jdbc.update("delete from intake_report where id >= ? and id < ?", first, first + 10_000);
        }
    }

    @Test
    void theApiSaysWhetherTheTotalIsExact() {
        assertThat(mvc.get().uri("/api/v1/reports?mine=true").header("Authorization", basic("operator1")))
                .hasStatusOk().bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.totalExact").isEqualTo(true);
                    json.assertThat().hasPath("$.total");
                });
    }

    private static void assertCapped(Page<?> firstPage, Page<?> lastPage) {
        assertThat(firstPage.getContent()).hasSize(20);
        assertThat(firstPage.getTotalElements()).isEqualTo(CappedTotal.MORE_THAN_CAP);
        assertThat(CappedTotal.isExact(firstPage.getTotalElements())).isFalse();
        assertThat(CappedTotal.shown(firstPage.getTotalElements())).isEqualTo(CappedTotal.CAP);
        // the last page knows its total from its offset and its rows
        assertThat(lastPage.getContent()).hasSize(5);
        assertThat(lastPage.getTotalElements()).isEqualTo(1_005);
        assertThat(CappedTotal.isExact(lastPage.getTotalElements())).isTrue();
        assertThat(CappedTotal.shown(lastPage.getTotalElements())).isEqualTo(1_005);
    }

    private void insertReports(long firstId, int count, String submittedBy, String village, String run) {
        Timestamp at = Timestamp.from(Instant.now().minusSeconds(400L * 24 * 3600));
        StringBuilder sql = new StringBuilder("insert into intake_report (id, receipt_number, channel, urgent, "
                + "received_at, village_code, narrative, child_id, linked_to_existing, pregnancy_flag, "
                + "reporter_anonymous, submitted_by, submitted_role, version, possible_duplicate) values ");
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sql.append(i == 0 ? "" : ",").append("(?, ?, 'HOTLINE', false, ?, ?, 'cap', ?, false, false, true, ?, "
                    + "'HOTLINE_OPERATOR', 0, false)");
            args.addAll(List.of(firstId + i, "CAP-" + run + "-" + i, at, village, 700_000_000L + i, submittedBy));
        }
        jdbc.update(sql.toString(), args.toArray());
    }
}

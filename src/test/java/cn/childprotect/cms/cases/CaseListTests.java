package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Work-list pages: no overlap and no gap between pages, {@code hasNext} without a count, an exact
 * total for small lists and "more than 1,000" for large ones, closed cases last by deadline.
 * Each test puts its cases on a day of their own (received long ago), so the shared database's
 * other cases do not disturb it.
 */
class CaseListTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    CaseQueries queries;

    @Autowired
    UserDirectory users;

    @Autowired
    JdbcTemplate jdbc;

    /** A day between 2000 and 2019 that no other run is likely to have used. */
    private static LocalDate someDay() {
        return LocalDate.of(2000, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(7_000));
    }

    /** Opens cases in village 1 received on that day, a minute apart (the first is the oldest). */
    private List<Long> casesReceivedOn(LocalDate day, int count) {
        List<Long> ids = new ArrayList<>();
        LocalDateTime noon = day.atTime(12, 0).atZone(ZoneId.of("Asia/Shanghai")).withZoneSameInstant(ZoneOffset.UTC)
                .toLocalDateTime();
        for (int i = 0; i < count; i++) {
            long id = fixtures.openInVillage1().id();
            jdbc.update("update cases_case set opened_at = ?, status_deadline = ? where id = ?", noon.plusMinutes(i),
                    noon.plusDays(1).minusMinutes(i), id);
            ids.add(id);
        }
        return ids;
    }

    private CaseSearch onDay(LocalDate day) {
        return new CaseSearch(null, null, false, null, false, null, null, day, day);
    }

    @Test
    void pagesFollowEachOtherWithoutOverlapAndTheTotalIsExactForASmallList() {
        LocalDate day = someDay();
        List<Long> ids = casesReceivedOn(day, 25);
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();

        List<Long> seen = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            CaseList list = queries.list(onDay(day), page, 10, CaseSort.NEWEST, supervisor);
            assertThat(list.total()).isEqualTo(25);
            assertThat(list.totalExact()).isTrue();
            assertThat(list.hasNext()).isEqualTo(page < 2);
            list.items().forEach(row -> seen.add(row.id()));
        }
        assertThat(seen).containsExactlyElementsOf(ids.reversed());
    }

    @Test
    void byDeadlineClosedCasesComeLast() {
        LocalDate day = someDay();
        List<Long> ids = casesReceivedOn(day, 6);
        // the two oldest are closed: no deadline
        jdbc.update("update cases_case set status = 'CLOSED', status_deadline = null where id in (?, ?)", ids.get(0),
                ids.get(1));
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();

        List<Long> order = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            queries.list(onDay(day), page, 2, CaseSort.DEADLINE, supervisor).items().forEach(r -> order.add(r.id()));
        }
        // open ones by deadline (the newest has the earliest), then the closed ones, newest first
        assertThat(order).containsExactly(ids.get(5), ids.get(4), ids.get(3), ids.get(2), ids.get(1), ids.get(0));
    }

    @Test
    void aLargeListCountsOnlyUpToAThousand() {
        LocalDate day = someDay();
        LocalDateTime noon = day.atTime(4, 0);
        StringBuilder sql = new StringBuilder("insert into cases_case (case_number, village_code, child_id, status, "
                + "status_entered_at, status_deadline, urgent, opened_at, version) values ");
        List<Object> args = new ArrayList<>();
        String prefix = "LIST-" + day + "-" + ThreadLocalRandom.current().nextInt(1_000_000) + "-";
        for (int i = 0; i < 1_005; i++) {
            sql.append(i == 0 ? "" : ",").append("(?, '141029100001', ?, 'ASSESSING', ?, ?, false, ?, 0)");
            args.addAll(List.of(prefix + i, 600_000_000L + i, noon, noon.plusDays(7), noon.plusSeconds(i)));
        }
        jdbc.update(sql.toString(), args.toArray());
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();

        CaseList list = queries.list(onDay(day), 0, 20, CaseSort.NEWEST, supervisor);
        assertThat(list.items()).hasSize(20);
        assertThat(list.hasNext()).isTrue();
        assertThat(list.total()).isEqualTo(CaseQueries.COUNT_CAP);
        assertThat(list.totalExact()).isFalse();
        assertThat(mvc.get().uri("/api/v1/cases?receivedFrom={d}&receivedTo={d}&size=20", day, day)
                .header("Authorization", basic("supervisor1"))).hasStatusOk().bodyJson().satisfies(json -> {
                    json.assertThat().extractingPath("$.total").isEqualTo(1000);
                    json.assertThat().extractingPath("$.totalExact").isEqualTo(false);
                    json.assertThat().extractingPath("$.hasNext").isEqualTo(true);
                });
        // the last page: exact again, nothing after it
        CaseList last = queries.list(onDay(day), 50, 20, CaseSort.NEWEST, supervisor);
        assertThat(last.items()).hasSize(5);
        assertThat(last.hasNext()).isFalse();
        assertThat(last.total()).isEqualTo(1_005);
        assertThat(last.totalExact()).isTrue();
    }

    @Test
    void pagesThatSeekAfterTheKeyOfThePreviousPageMatchPagesReadByOffset() {
        LocalDate day = someDay();
        List<Long> ids = casesReceivedOn(day, 7);
        // the two oldest are closed (no deadline), two others share a deadline and an opening minute: the id decides
        jdbc.update("update cases_case set status = 'CLOSED', status_deadline = null where id in (?, ?)", ids.get(0),
                ids.get(1));
        jdbc.update("update cases_case set status_deadline = (select d from (select status_deadline d from cases_case "
                + "where id = ?) t), opened_at = (select o from (select opened_at o from cases_case where id = ?) t) "
                + "where id = ?", ids.get(3), ids.get(3), ids.get(4));
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();

        for (CaseSort sort : List.of(CaseSort.NEWEST, CaseSort.DEADLINE, new CaseSort("openedAt", false))) {
            for (int size : List.of(2, 3)) {
                List<Long> byOffset = new ArrayList<>();
                List<Long> bySeek = new ArrayList<>();
                String key = null;
                for (int page = 0; page < 4; page++) {
                    queries.list(onDay(day), page, size, sort, supervisor).items().forEach(r -> byOffset.add(r.id()));
                    CaseList seeking = queries.list(onDay(day), page, size, sort, supervisor, key);
                    seeking.items().forEach(r -> bySeek.add(r.id()));
                    assertThat(seeking.nextKey() != null).isEqualTo(seeking.hasNext());
                    key = seeking.nextKey();
                }
                assertThat(bySeek).as(sort + " by " + size).hasSize(7).doesNotHaveDuplicates()
                        .containsExactlyElementsOf(byOffset);
            }
        }
        // a key of another order is ignored: the page is read by offset
        CaseList first = queries.list(onDay(day), 0, 3, CaseSort.NEWEST, supervisor);
        assertThat(queries.list(onDay(day), 1, 3, new CaseSort("caseNumber", false), supervisor, first.nextKey()).items())
                .hasSize(3);
        // the API hands out the key as next and seeks with after
        assertThat(mvc.get().uri("/api/v1/cases?receivedFrom={d}&receivedTo={d}&size=3&page=5&after={k}", day, day,
                first.nextKey()).header("Authorization", basic("supervisor1"))).hasStatusOk().bodyJson()
                .satisfies(json -> {
                    json.assertThat().extractingPath("$.items[0].id").asNumber().isEqualTo(ids.get(3).intValue());
                    json.assertThat().extractingPath("$.next").isNotNull();
                });
    }
}

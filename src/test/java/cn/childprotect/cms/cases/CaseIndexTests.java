package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each work list's query, in the shape the list sends it, is read through the index made for
 * it (V7_6_1): the key EXPLAIN says the plan uses (not merely a candidate), and no filesort, so
 * a page costs about its own rows however many cases there are. Runs on MySQL/MariaDB over
 * 20,000 cases spread like real ones (many closed, some in each open state, many workers);
 * timings at 10,000 and 1,000,000 cases are the benchmark's (WorkListBenchmark, README).
 */
@EnabledIf("cn.childprotect.cms.support.TestDatabase#isRealMySql")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseIndexTests extends IntegrationTest {

    static final int ROWS = 20_000;
    static final String[] VILLAGES = { "141029100001", "141029100002", "141029100003", "141029101001", "141029101002",
            "141029101003" };
    static final String[] STATES = { "RECEIVED", "ASSESSING", "ASSESSING", "HANDLING", "HANDLING", "SUPPORTING",
            "SUPPORTING", "SUPPORTING", "PENDING_CLOSURE", "EMERGENCY", "CLOSED", "CLOSED", "CLOSED", "CLOSED", "CLOSED",
            "CLOSED", "CLOSED", "CLOSED", "SCREENED_OUT", "MERGED" };

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void manyCases() {
        Long present = jdbc.queryForObject("select count(*) from cases_case where case_number like 'IDX-%'", Long.class);
        if (present != null && present >= ROWS) {
            return;
        }
        Instant now = Instant.now();
        for (int start = present.intValue(); start < ROWS; start += 1_000) {
            StringBuilder sql = new StringBuilder("insert into cases_case (case_number, village_code, child_id, status, "
                    + "status_entered_at, status_deadline, urgent, assignee, opened_at, version) values ");
            List<Object> args = new ArrayList<>();
            for (int i = start; i < Math.min(ROWS, start + 1_000); i++) {
                String state = STATES[(i / 7) % STATES.length];
                boolean closed = state.equals("CLOSED") || state.equals("SCREENED_OUT") || state.equals("MERGED");
                Timestamp opened = Timestamp.from(now.minusSeconds(365L * 24 * 3600 + 60L * (ROWS - i)));
                sql.append(i == start ? "" : ",").append("(?,?,?,?,?,?,?,?,?,0)");
                args.add("IDX-" + i);
                args.add(VILLAGES[i % VILLAGES.length]);
                args.add(800_000_000L + i);
                args.add(state);
                args.add(opened);
                // a year ahead: these cases never fall due during the suite (no sweep escalates them)
                // and sort after every other test's cases
                args.add(closed ? null : Timestamp.from(now.plusSeconds(365L * 24 * 3600 + 60L * (i % 43_200))));
                args.add(i % 10 == 0);
                args.add(state.equals("RECEIVED") ? null : "idx-dir-" + (i % 60));
                args.add(opened);
            }
            jdbc.update(sql.toString(), args.toArray());
        }
        jdbc.execute("analyze table cases_case");
        otherLists(now);
    }

    /** Report ids come from blocks (V8_7_1): these are far above any the suite hands out. */
    static final long REPORT_IDS = 8_200_000_000L;

    /** 20,000 work orders of four agencies, register entries, measures and reports, for the other work lists' plans. */
    private void otherLists(Instant now) {
        Long present = jdbc.queryForObject("select count(*) from referrals_work_order where case_number like 'IDX-%'",
                Long.class);
        if (present != null && present >= ROWS) {
            return;
        }
        String[] agencies = { "IDX-POLICE", "IDX-SCHOOL", "IDX-CLINIC", "IDX-CIVIL" };
        String[] orderStates = { "DISPATCHED", "SIGNED", "COMPLETED", "COMPLETED", "COMPLETED" };
        String[] measureTypes = { "PROTECTION_ORDER", "PLACEMENT", "REVOCATION" };
        String[] measureStates = { "APPLIED", "GRANTED", "ENDED", "REJECTED" };
        String[] tiers = { "RED", "YELLOW", "GREEN" };
        String[] entryStates = { "IN_FORCE", "IN_FORCE", "IN_FORCE", "EXITED", "PENDING_REVIEW" };
        for (int start = 0; start < ROWS; start += 1_000) {
            StringBuilder orders = new StringBuilder("insert into referrals_work_order (case_id, case_number, village_code, "
                    + "agency_code, status, request_text, shared_summary, dispatched_by, dispatched_at, sign_by, due_at, "
                    + "urge_count, version) values ");
            StringBuilder measures = new StringBuilder("insert into guardianship_measure (case_id, case_number, "
                    + "village_code, measure_type, status, ended, created_by, created_at, urgent, next_deadline_at, "
                    + "version) values ");
            StringBuilder entries = new StringBuilder("insert into monitoring_entry (child_id, village_code, categories, "
                    + "tier, status, created_by, created_at, visit_overdue_at, version) values ");
            List<Object> orderArgs = new ArrayList<>();
            List<Object> measureArgs = new ArrayList<>();
            List<Object> entryArgs = new ArrayList<>();
            StringBuilder reports = new StringBuilder("insert into intake_report (id, receipt_number, channel, urgent, "
                    + "received_at, village_code, narrative, child_id, linked_to_existing, pregnancy_flag, "
                    + "reporter_anonymous, submitted_by, submitted_role, version, possible_duplicate) values ");
            List<Object> reportArgs = new ArrayList<>();
            for (int i = start; i < Math.min(ROWS, start + 1_000); i++) {
                String sep = i == start ? "" : ",";
                Timestamp at = Timestamp.from(now.minusSeconds(365L * 24 * 3600 + 60L * (ROWS - i)));
                // far ahead, like the cases: nothing here falls due during the suite
                Timestamp due = Timestamp.from(now.plusSeconds(365L * 24 * 3600 + 3_600L * (i % 500)));
                String village = VILLAGES[i % VILLAGES.length];
                orders.append(sep).append("(?, ?, ?, ?, ?, 'r', 's', 'idx', ?, ?, ?, 0, 0)");
                orderArgs.addAll(List.of(900_000_000L + i, "IDX-" + i, village, agencies[i % agencies.length],
                        orderStates[(i / 4) % orderStates.length], at, at));
                orderArgs.add((i / 4) % orderStates.length >= 2 ? null : due);
                measures.append(sep).append("(?, ?, ?, ?, ?, ?, 'idx', ?, false, ?, 0)");
                measureArgs.addAll(List.of(900_000_000L + i, "IDX-" + i, village, measureTypes[i % measureTypes.length],
                        measureStates[(i / 3) % measureStates.length], (i / 3) % measureStates.length == 2, at));
                measureArgs.add((i / 3) % measureStates.length == 2 ? null : due);
                entries.append(sep).append("(?, ?, ',LEFT_BEHIND,', ?, ?, ?, ?, ?, 0)");
                entryArgs.addAll(List.of(900_000_000L + i, village, tiers[i % tiers.length],
                        entryStates[(i / 6) % entryStates.length], "idx-dir-" + (i % 60), at));
                entryArgs.add((i / 6) % entryStates.length == 3 ? null : due);
                reports.append(sep).append("(?, ?, 'HOTLINE', false, ?, ?, 'idx', ?, false, false, true, ?, "
                        + "'HOTLINE_OPERATOR', 0, false)");
                reportArgs.addAll(List.of(REPORT_IDS + i, "IDX-" + i, at, village, 900_000_000L + i, "idx-op-" + (i % 20)));
            }
            jdbc.update(orders.toString(), orderArgs.toArray());
            jdbc.update(measures.toString(), measureArgs.toArray());
            jdbc.update(entries.toString(), entryArgs.toArray());
            jdbc.update(reports.toString(), reportArgs.toArray());
        }
        jdbc.execute("analyze table intake_report");
        jdbc.execute("analyze table referrals_work_order");
        jdbc.execute("analyze table guardianship_measure");
        jdbc.execute("analyze table monitoring_entry");
    }

    /** The suite shares one database: the 20,000 cases go when this class is done. */
    @AfterAll
    void removeTheCases() {
        jdbc.update("delete from cases_case where case_number like 'IDX-%'");
        jdbc.update("delete from referrals_work_order where case_number like 'IDX-%'");
        jdbc.update("delete from guardianship_measure where case_number like 'IDX-%'");
        jdbc.update("delete from monitoring_entry where child_id >= 900000000 and created_by like 'idx-dir-%'");
        jdbc.update("delete from intake_report where id >= ? and id < ?", REPORT_IDS, REPORT_IDS + ROWS);
    }

    private static final String PAGE = " limit 51";

    @Test
    void defaultListReadsTheOpenedIndexInOrder() {
        assertPlan("select id, case_number from cases_case where village_code like '141029100%' "
                + "order by opened_at desc, id desc" + PAGE, "cases_case_opened");
    }

    @Test
    void triageListReadsTheStatusIndexInOrder() {
        assertPlan("select id, case_number from cases_case where village_code like '141029100%' and status = 'RECEIVED' "
                + "order by opened_at desc, id desc" + PAGE, "cases_case_status_opened");
        assertPlan("select id, case_number from cases_case where village_code like '141029100%' and status = 'RECEIVED' "
                + "and status_deadline is not null order by status_deadline, id" + PAGE, "cases_case_status_deadline");
    }

    @Test
    void severalStatusesReadAnOrderedIndex() {
        assertPlan("select id, case_number from cases_case where village_code like '141029%' "
                + "and status in ('ASSESSING','HANDLING','SUPPORTING') order by opened_at desc, id desc" + PAGE,
                "cases_case_opened");
        assertPlan("select id, case_number from cases_case where village_code like '141029%' "
                + "and status in ('ASSESSING','HANDLING','SUPPORTING') and status_deadline is not null "
                + "order by status_deadline, id" + PAGE, "cases_case_deadline");
    }

    @Test
    void myCasesReadTheAssigneeIndexes() {
        assertPlan("select id, case_number from cases_case where village_code like '141029100%' and assignee = 'idx-dir-6' "
                + "and status_deadline is not null order by status_deadline, id" + PAGE, "cases_case_assignee_deadline");
        assertPlan("select id, case_number from cases_case where village_code like '141029100%' and assignee = 'idx-dir-6' "
                + "order by opened_at desc, id desc" + PAGE, "cases_case_assignee_opened");
    }

    @Test
    void overdueListAndSweepReadTheDeadlineIndex() {
        assertPlan("select id, case_number from cases_case where village_code like '141029100%' and status_deadline < now() + interval 400 day "
                + "and status_deadline is not null order by status_deadline, id" + PAGE, "cases_case_deadline");
        assertPlan("select id, village_code, status, status_deadline from cases_case where status_deadline < now() "
                + "order by status_deadline limit 10000", "cases_case_deadline");
    }

    @Test
    void aVillageListReadsTheVillageIndex() {
        assertPlan("select id, case_number from cases_case where village_code = '141029100001' "
                + "order by opened_at desc, id desc" + PAGE, "cases_case_village_opened");
    }

    @Test
    void openCaseOfAChildUsesTheChildIndex() {
        List<Map<String, Object>> plan = jdbc.queryForList(
                "explain select id from cases_case where child_id = 800000042 and status in ('RECEIVED','ASSESSING')");
        assertThat(plan).singleElement().satisfies(row -> assertThat(row.get("key")).isEqualTo("cases_case_child"));
    }

    @Test
    void anAgencysWorkOrdersAreReadInDeadlineOrder() {
        assertPlan("select id, case_number from referrals_work_order where agency_code = 'IDX-POLICE' "
                + "order by due_at, id" + PAGE, "referrals_work_order_agency_due");
        assertPlan("select id, case_number from referrals_work_order where agency_code = 'IDX-POLICE' "
                + "and status = 'SIGNED' order by due_at, id" + PAGE, "referrals_work_order_agency");
    }

    @Test
    void theRegisterListReadsTheOverdueIndexInOrderWithoutSortingTheScope() {
        // entries with a due visit by the moment it falls overdue, then those without one by id (Register.page)
        assertPlan("select id, created_by from monitoring_entry where village_code like '141029100%' "
                + "and visit_overdue_at is not null order by visit_overdue_at, id" + PAGE, "monitoring_entry_overdue");
        assertPlan("select id, created_by from monitoring_entry where village_code like '141029100%' "
                + "and visit_overdue_at is null order by id" + PAGE, "monitoring_entry_overdue", "PRIMARY");
    }

    @Test
    void theMeasuresListReadsNewestFirstByItsKey() {
        assertPlan("select id, case_number from guardianship_measure where village_code like '141029100%' "
                + "order by id desc limit 200", "PRIMARY");
    }

    @Test
    void theReportsListReadsAnOrderedIndexForAScopeAndForAnAccount() {
        // a supervisor's scope, newest first (IntakeQueries.list): the scope checked in the index
        assertPlan("select id, receipt_number from intake_report where village_code like '141029100%' "
                + "order by received_at desc, id desc" + PAGE, "intake_report_received");
        // an operator's own reports (and a REPORTER's)
        assertPlan("select id, receipt_number from intake_report where submitted_by = 'idx-op-3' "
                + "order by received_at desc, id desc" + PAGE, "intake_report_submitter");
        // the capped count's probe for the 1,001st row reads an index only
        assertPlan("select id from intake_report where village_code like '141029100%' limit 1000, 1",
                "intake_report_village", "intake_report_received");
    }

    private void assertPlan(String sql, String... expectedKeys) {
        List<Map<String, Object>> plan = jdbc.queryForList("explain " + sql);
        assertThat(plan).as(sql).singleElement().satisfies(row -> {
            assertThat(row.get("key")).as("key used by: " + sql + " -> " + row).isIn((Object[]) expectedKeys);
            assertThat(String.valueOf(row.get("Extra"))).as("no filesort: " + sql + " -> " + row)
                    .doesNotContainIgnoringCase("filesort");
        });
    }
}

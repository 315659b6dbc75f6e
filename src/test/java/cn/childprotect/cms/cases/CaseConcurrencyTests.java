package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.childprotect.cms.audit.AuditLog;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestDatabase;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** Optimistic locking: of two transitions sent on one version, exactly one wins. */
class CaseConcurrencyTests extends IntegrationTest {

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AuditLog auditLog;

    @Test
    void twoConcurrentTransitionsOnOneVersionOneWinsNoLostUpdateNoDuplicateTimeline() throws Exception {
        for (int round = 0; round < 5; round++) {
            long id = fixtures.openInVillage1().id();
            long version = jdbc.queryForObject("select version from cases_case where id = ?", Long.class, id);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> accept = () -> fire(id, version, "ACCEPT", start);
            Callable<Integer> screenOut = () -> fire(id, version, "SCREEN_OUT", start);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>(List.of(pool.submit(accept), pool.submit(screenOut)));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> f : results) {
                    statuses.add(f.get());
                }
                assertThat(statuses).as("round %d on %s", round, TestDatabase.get().kind())
                        .containsOnlyOnce(200).hasSize(2);
                assertThat(statuses).filteredOn(s -> s != 200).allSatisfy(s -> assertThat(s).isIn(409, 412));
            }
            finally {
                pool.shutdown();
            }
            assertThat(jdbc.queryForObject("select count(*) from cases_timeline where case_id = ? and kind = 'TRANSITION'",
                    Integer.class, id)).isEqualTo(1);
            String status = jdbc.queryForObject("select status from cases_case where id = ?", String.class, id);
            String toStatus = jdbc.queryForObject("select to_status from cases_timeline where case_id = ? and kind = 'TRANSITION'",
                    String.class, id);
            assertThat(status).isEqualTo(toStatus).isIn("ASSESSING", "SCREENED_OUT");
            assertThat(auditLog.search(null, "CASE", Long.toString(id), "CASE_TRANSITION", PageRequest.of(0, 5))
                    .getTotalElements()).isEqualTo(1);
        }
    }

    private int fire(long id, long version, String event, CountDownLatch start) throws InterruptedException {
        start.await();
        String body = "{\"event\":\"" + event + "\",\"reason\":\"并发测试\"}";
        return mvc.post().uri("/api/v1/cases/{id}/transitions", id).header("Authorization", basic("supervisor1"))
                .header("If-Match", "\"" + version + "\"").contentType(MediaType.APPLICATION_JSON).content(body)
                .exchange().getResponse().getStatus();
    }
}

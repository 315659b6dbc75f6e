package cn.childprotect.cms.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.util.UUID;

import cn.childprotect.cms.support.FaultInjection;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * A lost connection, a deadlock, a lock-wait timeout or a pool that cannot reach the server
 * answers 503 problem+json with Retry-After, never 500 or 401; a filing with an
 * Idempotency-Key retries itself once, and a repeat by the client files it exactly once. The
 * failures are injected into the DataSource ({@link FaultInjection}), not provoked on the server.
 */
@Import(FaultInjection.class)
class TransientDatabaseFailureTests extends IntegrationTest {

    @Autowired
    FaultInjection faults;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.springframework.context.MessageSource messages;

    private String text(String key) {
        return messages.getMessage(key, null, java.util.Locale.SIMPLIFIED_CHINESE);
    }

    @AfterEach
    void noMoreFaults() {
        faults.reset();
    }

    private static String report(String narrative) {
        return """
                {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"%s",
                 "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(narrative, TestIds.uniqueName());
    }

    private MvcTestResult file(String body, String key) {
        var request = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content(body);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.exchange();
    }

    private int stored(String narrative) {
        return jdbc.queryForObject("select count(*) from intake_report where narrative = ?", Integer.class, narrative);
    }

    private static void assertRetryable503(MvcTestResult result) {
        assertThat(result).hasStatus(503);
        assertThat(result.getResponse().getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        assertThat(result.getResponse().getHeader("Retry-After")).isEqualTo("2");
        assertThat(read(result, "$.type").toString()).isEqualTo("https://childprotect.cn/problems/service-unavailable");
        assertThat(read(result, "$.status").toString()).isEqualTo("503");
        assertThat(read(result, "$.detail").toString()).contains("Idempotency-Key");
    }

    @Test
    void aDeadlockInAFilingWithAKeyIsRetriedOnceByTheServerAndFilesTheReportOnce() {
        String narrative = "deadlock-once " + UUID.randomUUID();
        faults.failStatements("insert into intake_report", 1, FaultInjection::deadlock);

        MvcTestResult result = file(report(narrative), UUID.randomUUID().toString());

        assertThat(result).hasStatus(201);
        assertThat(stored(narrative)).isEqualTo(1);
    }

    @Test
    void aConnectionKilledDuringAFilingThatStaysDownAnswers503AndTheClientsRepeatFilesItOnce() {
        String narrative = "killed " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String body = report(narrative);
        faults.failStatements("insert into intake_report", 2, FaultInjection::connectionKilled);

        assertRetryable503(file(body, key));
        assertThat(stored(narrative)).isZero();

        MvcTestResult again = file(body, key);
        assertThat(again).hasStatus(201);
        assertThat(stored(narrative)).isEqualTo(1);
        assertThat(file(body, key)).hasStatus(200); // and a third time: the first receipt, nothing new
        assertThat(stored(narrative)).isEqualTo(1);
    }

    @Test
    void aCommitThatWentThroughButReportedALostConnectionIsNotFiledTwiceByTheRetry() {
        String narrative = "ambiguous-commit " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        faults.loseConnectionAfterCommitOf("insert into intake_report", 1);

        MvcTestResult result = file(report(narrative), key);

        // the server's own retry finds the claim of the first attempt and answers with its receipt
        assertThat(result).hasStatus(200);
        assertThat(read(result, "$.receiptNumber").toString()).startsWith("R");
        assertThat(stored(narrative)).isEqualTo(1);
    }

    @Test
    void withoutAKeyAFilingIsNotRetriedByTheServer503TellsTheClientToSendItAgain() {
        String narrative = "no-key " + UUID.randomUUID();
        faults.failStatements("insert into intake_report", 1, FaultInjection::deadlock);

        assertRetryable503(file(report(narrative), null));
        assertThat(stored(narrative)).isZero();
        assertThat(file(report(narrative), null)).hasStatus(201);
    }

    @Test
    void aLockWaitTimeoutAnswers503NotAConflict() {
        faults.failStatements("insert into intake_report", 2,
                () -> new java.sql.SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));

        assertRetryable503(file(report("lock-wait " + UUID.randomUUID()), UUID.randomUUID().toString()));
    }

    @Test
    void aPoolThatCannotReachTheServerAnswers503ForReadsAndForTheLoginItself() {
        // the first connection is the account look-up of HTTP Basic: not a wrong password, so not 401
        faults.failConnections(1, FaultInjection::poolTimeout);
        assertRetryable503(mvc.get().uri("/api/v1/cases").header("Authorization", basic("supervisor1")).exchange());

        // signed in, the query itself cannot get a connection
        faults.failConnections(0, FaultInjection::poolTimeout);
        faults.failStatements("from cases_case", 1, FaultInjection::poolTimeout);
        assertRetryable503(mvc.get().uri("/api/v1/cases").header("Authorization", basic("supervisor1")).exchange());

        // and once the database is back, the same pool serves again without a restart
        assertThat(mvc.get().uri("/api/v1/cases").header("Authorization", basic("supervisor1")).exchange()).hasStatus(200);
    }

    @Test
    void englishClientsGetTheRetryAdviceInEnglish() {
        faults.failConnections(1, FaultInjection::poolTimeout);
        MvcTestResult result = mvc.get().uri("/api/v1/cases").header("Authorization", basic("supervisor1"))
                .header("Accept-Language", "en").exchange();
        assertThat(result).hasStatus(503);
        assertThat(read(result, "$.title").toString()).isEqualTo("Service temporarily unavailable");
    }

    // --- the browser: a page that asks to try again, the report form kept

    private jakarta.servlet.http.Cookie signIn(String username) {
        MvcTestResult login = mvc.post().uri("/login").with(csrf()).param("username", username)
                .param("password", PASSWORD).exchange();
        assertThat(login).hasStatus3xxRedirection();
        jakarta.servlet.http.Cookie session = login.getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        return session;
    }

    @Test
    void aReportFormThatCannotBeSavedComesBackFilledInWith503AndSavesOnceWhenSentAgain() throws Exception {
        var session = signIn("operator1");
        String narrative = "form-kept " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        String child = TestIds.uniqueName();
        faults.failStatements("insert into intake_report", 2, FaultInjection::connectionKilled);

        MvcTestResult page = mvc.post().uri("/reports").cookie(session).with(csrf()).param("idempotencyKey", key)
                .param("channel", "HOTLINE").param("categories", "BL01").param("villageCode", "141029100001")
                .param("narrative", narrative).param("childName", child).param("anonymous", "on").exchange();

        assertThat(page).hasStatus(503);
        assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("2");
        String html = page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(html).contains(text("ui.unavailable.form"), narrative, key, child);
        assertThat(stored(narrative)).isZero();

        // the user presses submit again: the same form, the same key
        MvcTestResult again = mvc.post().uri("/reports").cookie(session).with(csrf()).param("idempotencyKey", key)
                .param("channel", "HOTLINE").param("categories", "BL01").param("villageCode", "141029100001")
                .param("narrative", narrative).param("childName", child).param("anonymous", "on").exchange();
        assertThat(again).hasStatus3xxRedirection();
        assertThat(stored(narrative)).isEqualTo(1);
    }

    @Test
    void aPageThatCannotBeReadSaysTryAgainNotError() throws Exception {
        var session = signIn("operator1");
        faults.failStatements("from intake_report", 1, FaultInjection::poolTimeout);

        MvcTestResult page = mvc.get().uri("/reports/mine").cookie(session).exchange();

        assertThat(page).hasStatus(503);
        assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("2");
        assertThat(page.getResponse().getContentType()).startsWith("text/html");
        assertThat(page.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains(text("ui.unavailable.text"), "/reports/mine");
    }

    @Test
    void aBrowserSessionThatCannotBeLoadedAnswers503NotAnError() {
        var session = signIn("operator1");
        // the first connection of the request is the one that loads the session (Spring Session JDBC)
        faults.failConnections(1, FaultInjection::poolTimeout);

        MvcTestResult page = mvc.get().uri("/reports/mine").cookie(session).exchange();

        assertThat(page).hasStatus(503);
        assertThat(page.getResponse().getHeader("Retry-After")).isEqualTo("2");
    }
}

package cn.childprotect.cms.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;

import com.icegreen.greenmail.util.GreenMail;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Each work-order mail arrives once, to the right side, without the child's name. */
class WorkOrderMailTests extends IntegrationTest {

    private GreenMail greenMail;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void startMailServer() {
        greenMail = cn.childprotect.cms.support.TestMail.server();
        greenMail.start();
    }

    @AfterEach
    void stopMailServer() {
        greenMail.stop();
    }

    private List<MimeMessage> mails(String subjectPart, String to) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subjectPart)
                        && m.getRecipients(Message.RecipientType.TO)[0].toString().equals(to);
            }
            catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    @Test
    void dispatchUrgeReturnAndAnswerMailsArriveOnceEachWithoutPersonalData() throws Exception {
        String childName = TestIds.uniqueName();
        String idNumber = TestIds.idNumber(TestIds.childBirthDate(), false);
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"校园欺凌",
                         "child":{"name":"%s","idNumber":"%s","villageCode":"141029100001"},
                         "reporter":{"anonymous":false,"name":"李报告","phone":"13900004321"}}"""
                        .formatted(childName, idNumber)).exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        acceptAndAssignToDirector1(caseId);
        MvcTestResult dispatched = mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencyCode\":\"XN-PS\",\"requestText\":\"请出警核实\",\"sharedSummary\":\"疑似校园欺凌\"}")
                .exchange();
        long orderId = ((Number) read(dispatched, "$.id")).longValue();
        String tag = "#" + orderId + "（";
        String police = "ga@xiangning.example.gov.cn";

        await().atMost(Duration.ofSeconds(20)).until(() -> mails("新工单 " + tag, police).size() == 1);
        jdbc.update("update referrals_work_order set due_at = ?, sign_by = ? where id = ?",
                Timestamp.from(Instant.now().minusSeconds(60)), Timestamp.from(Instant.now().minusSeconds(60)), orderId);
        mvc.post().uri("/api/v1/work-orders/{id}/urge", orderId).header("Authorization", basic("supervisor1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"请今日内签收办理\"}").exchange();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("工单 " + tag, police).size() == 2);
        MimeMessage urge = mails("【督办】", police).stream().filter(m -> {
            try {
                return m.getSubject().contains(tag);
            }
            catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).findFirst().orElseThrow();
        assertThat(text(urge)).contains("请今日内签收办理", "个案编号").doesNotContain(childName);

        mvc.post().uri("/api/v1/work-orders/{id}/return", orderId).header("Authorization", basic("police1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"请改派教育部门\"}").exchange();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("已被退回", "director1@demo.local").stream()
                .anyMatch(m -> subject(m).contains(tag)));
        mvc.post().uri("/api/v1/work-orders/{id}/redispatch", orderId).header("Authorization", basic("director1")).exchange();
        mvc.post().uri("/api/v1/work-orders/{id}/sign", orderId).header("Authorization", basic("police1")).exchange();
        mvc.post().uri("/api/v1/work-orders/{id}/respond", orderId).header("Authorization", basic("police1"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"answer\":\"已处理\"}").exchange();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("已反馈", "director1@demo.local").stream()
                .anyMatch(m -> subject(m).contains(tag)));

        // and no further mail arrives for a while (Awaitility's during, not a sleep)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() -> Arrays
                .stream(greenMail.getReceivedMessages()).filter(m -> subject(m).contains(tag)).count() == 5);
        List<MimeMessage> all = Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).contains(tag)).toList();
        // dispatch, urge, re-dispatch to the agency; return and answer to the dispatcher: once each
        assertThat(all).hasSize(5);
        String caseNumber = read(report, "$.caseNumber");
        for (MimeMessage mail : all) {
            assertThat(subject(mail)).contains(caseNumber).doesNotContain(childName, idNumber, "李报告", "13900004321");
            assertThat(text(mail)).contains("个案编号", caseNumber, "/work-orders/" + orderId)
                    .doesNotContain(childName, idNumber, "李报告", "13900004321");
        }
    }

    /**
     * Issue 16: an extension request mails the township's supervisors, its approval and its refusal
     * the agency, an unsatisfied callback's redo (重办) the agency; once each, no personal data (not
     * the callback's comment either).
     */
    @Test
    void extensionRequestedApprovedRefusedAndRedoMailsArriveOnceEachWithoutPersonalData() throws Exception {
        String childName = TestIds.uniqueName();
        MvcTestResult report = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"channel":"HOTLINE","categories":["BL01"],"villageCode":"141029100001","narrative":"校园欺凌",
                         "child":{"name":"%s","villageCode":"141029100001"},
                         "reporter":{"anonymous":false,"name":"李报告","phone":"13900004321"}}"""
                        .formatted(childName)).exchange();
        assertThat(report).hasStatus(201);
        long caseId = ((Number) read(report, "$.caseId")).longValue();
        String caseNumber = read(report, "$.caseNumber");
        acceptAndAssignToDirector1(caseId);
        long orderId = ((Number) read(mvc.post().uri("/api/v1/cases/{id}/work-orders", caseId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"agencyCode\":\"XN-PS\",\"requestText\":\"请出警核实\",\"sharedSummary\":\"疑似校园欺凌\"}")
                .exchange(), "$.id")).longValue();
        String tag = "#" + orderId + "（";
        String police = "ga@xiangning.example.gov.cn";
        assertThat(post("police1", "/api/v1/work-orders/" + orderId + "/sign", null)).hasStatusOk();
        String later = Instant.now().plus(Duration.ofDays(20)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        // a second request must ask for later than the deadline the first one granted
        String evenLater = Instant.now().plus(Duration.ofDays(40)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();

        long approved = ((Number) read(post("police1", "/api/v1/work-orders/" + orderId + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"需等待鉴定结果\"}".formatted(later)), "$.id")).longValue();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("【延期申请】工单 " + tag, "supervisor1@demo.local").size() == 1);
        assertThat(post("supervisor1", "/api/v1/work-orders/" + orderId + "/extension-requests/" + approved + "/approve",
                null)).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("【延期已批准】工单 " + tag, police).size() == 1);

        long refused = ((Number) read(post("police1", "/api/v1/work-orders/" + orderId + "/extension-requests",
                "{\"requestedDueAt\":\"%s\",\"reason\":\"再次申请\"}".formatted(evenLater)), "$.id")).longValue();
        assertThat(post("supervisor1", "/api/v1/work-orders/" + orderId + "/extension-requests/" + refused + "/refuse",
                "{\"reason\":\"期限已足够\"}")).hasStatusOk();
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("【延期未批准】工单 " + tag, police).size() == 1);
        assertThat(mails("【延期申请】工单 " + tag, "supervisor1@demo.local")).hasSize(2);

        assertThat(post("police1", "/api/v1/work-orders/" + orderId + "/respond", "{\"answer\":\"已处理\"}"))
                .hasStatusOk();
        assertThat(post("director1", "/api/v1/work-orders/" + orderId + "/complete", null)).hasStatusOk();
        assertThat(post("operator1", "/api/v1/work-orders/" + orderId + "/callbacks",
                "{\"reached\":true,\"satisfaction\":\"UNSATISFIED\",\"comment\":\"李报告说无人上门\"}")).hasStatus(201);
        await().atMost(Duration.ofSeconds(20)).until(() -> mails("【重办】工单 " + tag, police).size() == 1);

        // once each (each of the two requests to every supervisor of the township, once)
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(10)).until(() ->
                mails("【延期申请】工单 " + tag, "supervisor1@demo.local").size() + mails("【延期已批准】工单 " + tag, police).size()
                        + mails("【延期未批准】工单 " + tag, police).size() + mails("【重办】工单 " + tag, police).size() == 5);
        for (MimeMessage mail : Arrays.stream(greenMail.getReceivedMessages()).filter(m -> subject(m).contains(tag))
                .toList()) {
            assertThat(subject(mail)).contains(caseNumber).doesNotContain(childName, "李报告", "13900004321");
            assertThat(text(mail)).contains("/work-orders/" + orderId)
                    .doesNotContain(childName, "李报告", "13900004321", "无人上门");
        }
    }

    private MvcTestResult post(String user, String uri, String body) {
        var request = mvc.post().uri(uri).header("Authorization", basic(user));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    /** The decoded text of a mail (the raw body is base64-encoded UTF-8). */
    static String text(MimeMessage m) throws Exception {
        return m.getContent().toString();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        }
        catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }
}

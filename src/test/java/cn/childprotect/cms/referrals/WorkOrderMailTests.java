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

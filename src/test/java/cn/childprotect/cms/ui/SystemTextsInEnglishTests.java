package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseTimelineItem;
import cn.childprotect.cms.support.CaseFixtures;
import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What the system itself writes on a case (issue 11 item 5) is kept as a message and read in the
 * reader's language: the emergency a follow-up visit declares, the merge of a case whose report was
 * relinked, where a redispatched work order went, a co-handling agency's part and a callback's
 * outcome. In English no Chinese is left on the timeline or in a work order's history but what
 * people entered (marked as data: names, notes).
 */
class SystemTextsInEnglishTests extends IntegrationTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    @Autowired
    CaseFixtures fixtures;

    @Autowired
    CaseQueries queries;

    @Autowired
    UserDirectory users;

    @Test
    void aVisitsEmergencyARedispatchAndACoHandlingPartReadInEnglish() {
        long caseId = fixtures.openInVillage1().id();
        acceptAndAssignToDirector1(caseId);
        // a follow-up visit finds the child in danger and declares the emergency
        completeAssessment("director1", caseId, LOW_RISK_ANSWERS);
        fire("director1", caseId, "COMPLETE_ASSESSMENT", null);
        writePlan("director1", caseId);
        assertThat(fire("director1", caseId, "START_SUPPORT", null)).hasStatusOk();
        assertThat(post("director1", "/api/v1/cases/" + caseId + "/visits", """
                {"visitedOn":"%s","type":"HOME_VISIT","observations":"儿童身上有新伤","safety":"IN_DANGER",
                 "declareEmergency":true}""".formatted(LocalDate.now()))).hasStatus(201);

        // a work order returned and redispatched with a note, then one with a co-handling part
        long first = id(post("director1", "/api/v1/cases/" + caseId + "/work-orders", """
                {"agencyCode":"XN-PS","requestText":"请核查并依法处置","sharedSummary":"一名儿童疑似受到伤害"}"""));
        assertThat(post("police1", "/api/v1/work-orders/" + first + "/return", "{\"reason\":\"属于教育部门职责\"}"))
                .hasStatusOk();
        assertThat(post("director1", "/api/v1/work-orders/" + first + "/redispatch",
                "{\"agencyCode\":\"XN-EDU\",\"note\":\"改派教育局\"}")).hasStatusOk();
        assertThat(post("director1", "/api/v1/cases/" + caseId + "/work-orders", """
                {"agencyCode":"XN-PS","coAgencyCodes":["XN-EDU"],"requestText":"请核查并依法处置",
                 "sharedSummary":"一名儿童疑似受到伤害"}""")).hasStatus(201);
        List<CaseTimelineItem> english = timeline(caseId, Locale.ENGLISH);
        noChineseButData(english);
        assertThat(notes(english)).anySatisfy(n -> assertThat(n).isEqualTo("Reason: The follow-up visit found the child in danger"))
                .anySatisfy(n -> assertThat(n).contains("): to ").endsWith("; 改派教育局"))
                .anySatisfy(n -> assertThat(n).contains(", co-handling)"));
        assertThat(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("director1"))
                .header("Accept-Language", "en")).bodyJson().extractingPath("$.outcomeReason")
                .isEqualTo("The follow-up visit found the child in danger");
        assertThat(mvc.get().uri("/api/v1/work-orders/{id}", first).header("Authorization", basic("director1"))
                .header("Accept-Language", "en")).bodyJson().extractingPath("$.history[2].note").asString()
                .startsWith("to ").endsWith("; 改派教育局");

        List<String> chinese = notes(timeline(caseId, Locale.SIMPLIFIED_CHINESE));
        assertThat(chinese).anySatisfy(n -> assertThat(n).isEqualTo("理由：随访发现儿童处于危险"))
                .anySatisfy(n -> assertThat(n).contains("）：派往 ").endsWith("；改派教育局"))
                .anySatisfy(n -> assertThat(n).contains("·协办"));
    }

    @Test
    void theMergeOfARelinkedReportsCaseReadsInEnglish() {
        String name = TestIds.uniqueName();
        MvcTestResult firstReport = post("operator1", "/api/v1/reports", """
                {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100003","narrative":"留守儿童独居",
                 "child":{"name":"%s"},"reporter":{"anonymous":true}}""".formatted(name));
        MvcTestResult secondReport = post("operator1", "/api/v1/reports", """
                {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100003","narrative":"又有人反映",
                 "child":{"name":"%s","birthDate":"2016-05-01"},"reporter":{"anonymous":true}}""".formatted(name));
        long target = ((Number) read(firstReport, "$.caseId")).longValue();
        long merged = ((Number) read(secondReport, "$.caseId")).longValue();
        assertThat(post("supervisor1", "/api/v1/reports/" + read(secondReport, "$.reportId") + "/link",
                "{\"caseId\":" + target + "}")).hasStatusOk();

        List<CaseTimelineItem> english = timeline(merged, Locale.ENGLISH);
        noChineseButData(english);
        noChineseButData(timeline(target, Locale.ENGLISH));
        assertThat(notes(english)).anySatisfy(n -> assertThat(n).startsWith("Report ").contains(" relinked to "));
        assertThat(notes(timeline(merged, Locale.SIMPLIFIED_CHINESE)))
                .anySatisfy(n -> assertThat(n).startsWith("报告 ").contains(" 改关联到 "));
    }

    private MvcTestResult post(String user, String uri, String body) {
        return mvc.post().uri(uri).header("Authorization", basic(user)).contentType(MediaType.APPLICATION_JSON)
                .content(body).exchange();
    }

    private static long id(MvcTestResult result) {
        assertThat(result).hasStatus(201);
        return ((Number) read(result, "$.id")).longValue();
    }

    private List<CaseTimelineItem> timeline(long caseId, Locale locale) {
        CurrentUser supervisor = users.findCurrentUser("supervisor1").orElseThrow();
        return inLanguage(locale, () -> queries.timeline(caseId, supervisor));
    }

    private static <T> T inLanguage(Locale locale, Supplier<T> read) {
        Locale before = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale);
        try {
            return read.get();
        }
        finally {
            LocaleContextHolder.setLocale(before);
        }
    }

    private static List<String> notes(List<CaseTimelineItem> timeline) {
        return timeline.stream().map(CaseTimelineItem::note).filter(n -> n != null).toList();
    }

    /** Every part of every line that is not data a person entered is free of Chinese. */
    private static void noChineseButData(List<CaseTimelineItem> timeline) {
        assertThat(timeline).isNotEmpty();
        assertThat(timeline.stream().flatMap(i -> i.noteParts().stream()).filter(p -> !p.data())
                .map(CaseTimelineItem.NotePart::text)).noneMatch(t -> HAN.matcher(t).find());
        assertThat(timeline.stream().map(CaseTimelineItem::kindLabel)).noneMatch(t -> t != null && HAN.matcher(t).find());
    }
}

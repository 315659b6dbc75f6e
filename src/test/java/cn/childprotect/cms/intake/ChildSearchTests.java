package cn.childprotect.cms.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Finding a child by name, part of it, pinyin and initials (docs/domain.md §3.5), scoped and masked. */
class ChildSearchTests extends IntegrationTest {

    /** A hotline report about a child born on the date in township 1; returns the child's id. */
    long file(String name, String birthDate) {
        MvcTestResult filed = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100001","narrative":"独自在家",
                         "child":{"name":"%s","sex":"MALE","birthDate":"%s","villageCode":"141029100001"},
                         "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(name, birthDate)).exchange();
        assertThat(filed).hasStatus(201);
        long caseId = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", ((Number) read(filed, "$.reportId")).longValue())
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue();
        return ((Number) read(mvc.get().uri("/api/v1/cases/{id}", caseId).header("Authorization", basic("supervisor1"))
                .exchange(), "$.childId")).longValue();
    }

    List<Number> found(String user, String q, int birthYear) {
        MvcTestResult result = mvc.get().uri("/api/v1/children?q={q}&birthYear={y}&size=50", q, birthYear)
                .header("Authorization", basic(user)).exchange();
        assertThat(result).hasStatusOk();
        return read(result, "$.items[*].childId");
    }

    @Test
    void zhangXiaomingIsFoundByInitialsPinyinAndPartOfTheName() {
        long id = file("张晓明", "2015-03-04");
        for (String q : List.of("zxm", "xiaoming", "晓明", "张晓明", "Zhang Xiaoming", "xm")) {
            assertThat(found("supervisor1", q, 2015)).as(q).extracting(Number::longValue).contains(id);
        }
        assertThat(found("supervisor1", "zxm", 2016)).extracting(Number::longValue).doesNotContain(id);
        assertThat(found("supervisor1", "lxm", 2015)).extracting(Number::longValue).doesNotContain(id);
        MvcTestResult page = mvc.get().uri("/api/v1/children?q=zxm&birthYear=2015&size=50")
                .header("Authorization", basic("supervisor1")).exchange();
        List<String> labels = read(page, "$.items[?(@.childId == " + id + ")].label");
        assertThat(labels).containsExactly("张晓明");
    }

    @Test
    void everyReadingOfAPolyphonicCharacterIsIndexed() {
        long id = file("曾乐", "2013-07-08");
        for (String q : List.of("zengle", "cengyue", "zengyue", "zy", "乐")) {
            assertThat(found("supervisor1", q, 2013)).as(q).extracting(Number::longValue).contains(id);
        }
    }

    @Test
    void operatorsFindItMaskedCountyWideOtherTownshipsDoNotAndReportersMayNot() {
        long id = file("张晓明", "2014-05-06");
        MvcTestResult operator = mvc.get().uri("/api/v1/children?q=zxm&birthYear=2014&size=50")
                .header("Authorization", basic("operator1")).exchange();
        assertThat(operator).hasStatusOk();
        List<String> labels = read(operator, "$.items[?(@.childId == " + id + ")].label");
        List<String> cases = read(operator, "$.items[?(@.childId == " + id + ")].openCaseNumber");
        assertThat(labels).containsExactly("张**");
        assertThat(cases).hasSize(1).doesNotContainNull();
        assertThat(found("director2", "zxm", 2014)).extracting(Number::longValue).doesNotContain(id);
        assertThat(found("supervisor2", "zxm", 2014)).extracting(Number::longValue).doesNotContain(id);
        assertThat(mvc.get().uri("/api/v1/children?q=zxm").header("Authorization", basic("school1")).exchange())
                .hasStatus(403);
        assertThat(mvc.get().uri("/api/v1/children?q=").header("Authorization", basic("supervisor1")).exchange())
                .hasStatus(400);
    }

    @Autowired
    UserDetailsService accounts;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void theIntakeFormOffersTheChildrenOnRecordWhileTheNameIsTyped() {
        file("张晓明", "2012-09-10");
        assertThat(mvc.get().uri("/reports/new").with(user(accounts.loadUserByUsername("operator1"))).exchange())
                .hasStatusOk().bodyText().contains("id=\"similar-children\"").contains("intake-assist.js");
        assertThat(mvc.get().uri("/reports/new/similar?name=zxm&birthDate=2012-01-01")
                .with(user(accounts.loadUserByUsername("operator1"))).exchange()).hasStatusOk().bodyText()
                .contains("similar-child").contains("张**").doesNotContain("张晓明");
        assertThat(mvc.get().uri("/reports/new/similar?name=zxm&birthDate=1990-01-01")
                .with(user(accounts.loadUserByUsername("operator1"))).exchange()).hasStatusOk().bodyText()
                .doesNotContain("similar-child");
    }

    @Test
    void theSamePinyinAndBirthYearInTheTownshipIsOfferedAsAPossibleDuplicate() {
        String given = cn.childprotect.cms.support.TestIds.uniqueName().substring(1);
        file("张" + given, "2011-02-03");
        MvcTestResult second = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100002","narrative":"独自在家",
                         "child":{"name":"章%s","sex":"MALE","birthDate":"2011-09-10","villageCode":"141029100002"},
                         "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(given)).exchange();
        assertThat(second).hasStatus(201).bodyJson().extractingPath("$.possibleDuplicates").asArray().hasSize(1);
    }

    /**
     * With an ID number the child's read, the namesakes and the same-pinyin children come from one
     * statement (issue 19): a 章 with an ID number finds the 张 of the same year (no ID number on
     * record), and a namesake of the village born in that year, but not the one born another year.
     */
    @Test
    void withAnIdNumberTheSamePinyinAndANamesakeOfTheYearAreOfferedToo() {
        String given = cn.childprotect.cms.support.TestIds.uniqueName().substring(1);
        long zhang = file("张" + given, "2011-02-03");
        long namesakeSameYear = file("章" + given, "2011-12-30");
        long namesakeOtherYear = file("章" + given, "2009-05-06");
        String idNumber = cn.childprotect.cms.support.TestIds.idNumber(java.time.LocalDate.of(2011, 9, 10), false);
        MvcTestResult second = mvc.post().uri("/api/v1/reports").header("Authorization", basic("operator1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"channel":"HOTLINE","categories":["LB01"],"villageCode":"141029100001","narrative":"独自在家",
                         "child":{"name":"章%s","idNumber":"%s","villageCode":"141029100001"},
                         "reporter":{"name":"李女士","phone":"13800000002"}}""".formatted(given, idNumber)).exchange();
        assertThat(second).hasStatus(201);
        long childId = ((Number) read(mvc.get().uri("/api/v1/cases/{id}", ((Number) read(mvc.get()
                .uri("/api/v1/reports/{id}", ((Number) read(second, "$.reportId")).longValue())
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue())
                .header("Authorization", basic("supervisor1")).exchange(), "$.childId")).longValue();
        assertThat(childId).isNotIn(zhang, namesakeSameYear, namesakeOtherYear); // a new child: no certain match
        List<Number> offered = read(second, "$.possibleDuplicates[*].caseId");
        assertThat(offered).hasSize(2);
    }

    /**
     * Issue 19: a search matching more than 1,000 children is not counted to the end: the total
     * says "1,000 and more" (totalExact false) on the first page and is exact on the last.
     */
    @Test
    void aSearchMatchingMoreThanAThousandChildrenHasACappedTotal() {
        String key = "zzcap" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 1005; i++) {
                org.springframework.jdbc.support.GeneratedKeyHolder keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
                jdbc.update(c -> {
                    java.sql.PreparedStatement ps = c.prepareStatement("insert into people_child (name, sex, identity_unknown, "
                            + "village_code, created_at, version) values ('测试', 'MALE', false, '141029100001', ?, 0)",
                            java.sql.Statement.RETURN_GENERATED_KEYS);
                    ps.setTimestamp(1, java.sql.Timestamp.from(java.time.Instant.now()));
                    return ps;
                }, keys);
                ids.add(keys.getKey().longValue());
            }
            jdbc.batchUpdate("insert into people_child_name_key (child_id, name_key) values (?, ?)",
                    ids.stream().map(id -> new Object[] { id, key }).toList());
            MvcTestResult first = mvc.get().uri("/api/v1/children?q={q}&size=50", key)
                    .header("Authorization", basic("supervisor1")).exchange();
            assertThat(first).hasStatusOk();
            assertThat(((Number) read(first, "$.total")).longValue()).isEqualTo(1000);
            assertThat((Boolean) read(first, "$.totalExact")).isFalse();
            assertThat((List<?>) read(first, "$.items")).hasSize(50);
            MvcTestResult last = mvc.get().uri("/api/v1/children?q={q}&size=50&page=20", key)
                    .header("Authorization", basic("supervisor1")).exchange();
            assertThat((List<?>) read(last, "$.items")).hasSize(5);
            assertThat(((Number) read(last, "$.total")).longValue()).isEqualTo(1005); // the last page counts exactly
            assertThat((Boolean) read(last, "$.totalExact")).isTrue();
        }
        finally {
            jdbc.update("delete from people_child_name_key where name_key = ?", key);
            jdbc.batchUpdate("delete from people_child where id = ?", ids.stream().map(id -> new Object[] { id }).toList());
        }
    }
}

package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import cn.childprotect.cms.support.IntegrationTest;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 12 item 8, rendered by the server: the new-entry form, key-period sweeps and the import pages. */
class RegisterManagePagesTests extends IntegrationTest {

    @Autowired
    UserDetailsService accounts;

    MvcTestResult page(String username, String path, Map<String, Object> flash) {
        var request = mvc.get().uri(path).with(user(accounts.loadUserByUsername(username)))
                .locale(Locale.SIMPLIFIED_CHINESE);
        return (flash.isEmpty() ? request : request.flashAttrs(flash)).exchange();
    }

    MvcTestResult page(String username, String path) {
        return page(username, path, Map.of());
    }

    MvcTestResult form(String username, String path, String... params) {
        var request = mvc.post().uri(path).with(user(accounts.loadUserByUsername(username))).with(csrf())
                .locale(Locale.SIMPLIFIED_CHINESE);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return request.exchange();
    }

    String html(MvcTestResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void aDirectorRegistersAChildOfTheirVillageAndSeesFieldErrorsWithWhatTheyTyped() throws Exception {
        String form = html(page("director1", "/register/new"));
        assertThat(form).contains("id=\"register-new\"").contains("LEFT_BEHIND").contains("POVERTY")
                .contains("141029100001").doesNotContain("141029101001").doesNotContain("<script").doesNotContain("style=");

        String name = "新增页" + UUID.randomUUID().toString().substring(0, 4);
        // no tier, and another township's village: refused, the errors next to their fields
        MvcTestResult refused = form("director1", "/register/new", "childName", name, "childBirthDate", "2016-05-01",
                "villageCode", "141029101001", "categories", "LEFT_BEHIND");
        assertThat(refused).hasStatus3xxRedirection().hasRedirectedUrl("/register/new");
        Map<String, Object> flash = refused.getMvcResult().getFlashMap();
        @SuppressWarnings("unchecked")
        Map<String, String> fieldErrors = (Map<String, String>) flash.get("fieldErrors");
        assertThat(fieldErrors).containsKeys("villageCode", "tier");
        assertThat(fieldErrors.get("villageCode")).contains("141029101001");
        assertThat(flash.get("form").toString()).contains(name);
        // and as a browser sees it: the same post in a real session, then the page it goes back to
        Cookie session = mvc.post().uri("/login").param("username", "director1").param("password", PASSWORD)
                .with(csrf()).exchange().getResponse().getCookie("SESSION");
        assertThat(mvc.post().uri("/register/new").cookie(session).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .param("childName", name).param("villageCode", "141029101001").param("categories", "LEFT_BEHIND")
                .exchange()).hasStatus3xxRedirection();
        String shown = html(mvc.get().uri("/register/new").cookie(session).locale(Locale.SIMPLIFIED_CHINESE).exchange());
        assertThat(shown).contains("id=\"page-error\"").contains(fieldErrors.get("tier"))
                .contains(fieldErrors.get("villageCode")).contains("value=\"" + name + "\"");

        MvcTestResult created = form("director1", "/register/new", "childName", name, "childSex", "MALE",
                "childBirthDate", "2016-05-01", "villageCode", "141029100001", "categories", "LEFT_BEHIND",
                "parentsWhereabouts", "父母在广东务工", "caregiverName", "王某", "caregiverRelation", "祖母",
                "caregiverPhone", "13900000001", "tier", "ORANGE");
        assertThat(created).hasStatus3xxRedirection();
        String location = created.getResponse().getRedirectedUrl();
        assertThat(location).matches("/register/\\d+");
        String entry = html(page("director1", location));
        assertThat(entry).contains(name).contains("父母在广东务工").contains("待乡镇审核");
        assertThat(page("director2", location).getResponse().getStatus()).isEqualTo(404);
        assertThat(page("school1", "/register/new")).hasStatus3xxRedirection().hasRedirectedUrl("/");
    }

    @Test
    void aSupervisorOpensASweepAndSeesProgressPerVillageOutsideItIsNotFound() throws Exception {
        String name = "页面排查" + UUID.randomUUID().toString().substring(0, 4);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        // an entry in force (imported entries are active at once), for the sweep to count
        String csv = "姓名,性别,出生日期,身份证号,村（居）代码,监测类别代码,困境类型代码,风险等级\r\n排查童" + name
                + ",女,2014-06-01,,141029100001,LEFT_BEHIND,,GREEN\r\n";
        assertThat(mvc.post().uri("/register/import").multipart()
                .file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                .param("import", "true").with(user(accounts.loadUserByUsername("supervisor1"))).with(csrf())
                .exchange()).hasStatusOk();
        assertThat(html(page("supervisor1", "/register/campaigns"))).contains("id=\"campaign-form\"");
        assertThat(html(page("director1", "/register/campaigns"))).doesNotContain("id=\"campaign-form\"");

        MvcTestResult bad = form("supervisor1", "/register/campaigns", "name", name, "startsOn", today.toString(),
                "endsOn", today.minusDays(3).toString());
        assertThat(bad).hasStatus3xxRedirection().hasRedirectedUrl("/register/campaigns");
        assertThat(((Map<?, ?>) bad.getMvcResult().getFlashMap().get("fieldErrors")).containsKey("endsOn")).isTrue();
        assertThat((String) bad.getMvcResult().getFlashMap().get("pageError")).contains("结束日期");

        MvcTestResult opened = form("supervisor1", "/register/campaigns", "name", name, "startsOn", today.toString(),
                "endsOn", today.plusDays(10).toString(), "categories", "LEFT_BEHIND");
        assertThat(opened).hasStatus3xxRedirection();
        String location = opened.getResponse().getRedirectedUrl();
        assertThat(location).matches("/register/campaigns/\\d+");
        assertThat(html(page("supervisor1", "/register/campaigns"))).contains(name);
        String progress = html(page("supervisor1", location));
        assertThat(progress).contains(name).contains("各村进度").contains("已逾期")
                .contains("<td data-label=\"应走访\">");
        assertThat(page("supervisor2", location).getResponse().getStatus()).isEqualTo(404);
        assertThat(html(page("supervisor2", "/register/campaigns"))).doesNotContain(name);
    }

    @Test
    void anImportIsCheckedWithItsRowErrorsThenImportedFromTheSameFileAgain() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        String csv = String.join("\r\n",
                "姓名,性别,出生日期,身份证号,村（居）代码,监测类别代码,困境类型代码,风险等级,家庭住址,学校,父母去向,受委托照护人,照护人关系,照护人电话",
                "页导甲" + tag + ",女,2014-06-01,,141029100001,ORPHAN,,GREEN,,,,,,",
                "页导乙" + tag + ",男,2015-02-30,,141029100001,ORPHAN,,GREEN,,,,,,") + "\r\n";
        MockMultipartFile file = new MockMultipartFile("file", "register.csv", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8));

        String page = html(page("supervisor1", "/register/import"));
        assertThat(page).contains("/register/import/template?format=xlsx").contains("enctype=\"multipart/form-data\"");
        assertThat(page("supervisor1", "/register/import/template?format=csv").getResponse().getContentAsString(
                StandardCharsets.UTF_8)).contains("村（居）代码");
        assertThat(page("director1", "/register/import")).hasStatus3xxRedirection().hasRedirectedUrl("/");

        MvcTestResult preview = mvc.post().uri("/register/import").multipart().file(file)
                .with(user(accounts.loadUserByUsername("supervisor1"))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .exchange();
        assertThat(preview).hasStatusOk();
        String checked = html(preview);
        assertThat(checked).contains("id=\"import-errors\"").contains("2015-02-30").contains("<td data-label=\"行号\">3</td>")
                .doesNotContain("id=\"import-result\"");

        MvcTestResult imported = mvc.post().uri("/register/import").multipart().file(file).param("import", "true")
                .with(user(accounts.loadUserByUsername("supervisor1"))).with(csrf()).locale(Locale.SIMPLIFIED_CHINESE)
                .exchange();
        assertThat(html(imported)).contains("id=\"import-result\"").contains("新建 1 人");
        assertThat(html(page("supervisor1", "/register"))).contains("页导甲" + tag).doesNotContain("页导乙" + tag);

        MvcTestResult director = mvc.post().uri("/register/import").multipart().file(file)
                .with(user(accounts.loadUserByUsername("director1"))).with(csrf()).exchange();
        assertThat(director).hasStatus3xxRedirection().hasRedirectedUrl("/register/import");
    }
}

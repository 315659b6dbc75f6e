package cn.childprotect.cms.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.childprotect.cms.people.ResidentIdNumber;
import cn.childprotect.cms.support.IntegrationTest;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Issue 12 item 7: the register's import from CSV and Excel, with its preview and idempotence. */
class RegisterImportTests extends IntegrationTest {

    static String idNumber() {
        String first17 = "141029" + (2012 + ThreadLocalRandom.current().nextInt(8)) + "0"
                + (1 + ThreadLocalRandom.current().nextInt(9)) + (10 + ThreadLocalRandom.current().nextInt(18))
                + (100 + ThreadLocalRandom.current().nextInt(900));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }

    MvcTestResult upload(String user, String path, byte[] body, MediaType type) {
        return mvc.post().uri(path).header("Authorization", basic(user)).contentType(type).content(body).exchange();
    }

    @Test
    void aCsvWithGoodAndBadRowsPreviewsItsErrorsInChineseAndASecondImportCreatesNothing() {
        String tag = UUID.randomUUID().toString().substring(0, 5);
        String id = idNumber();
        String csv = String.join("\r\n",
                "姓名,性别,出生日期,身份证号,村（居）代码,监测类别代码,困境类型代码,风险等级,家庭住址,学校,父母去向,受委托照护人,照护人关系,照护人电话",
                "导入甲" + tag + ",,," + id + ",141029100001,LEFT_BEHIND,,YELLOW,城关村一组,城关小学,\"父母在外,务工\",李某,祖父,13900000002",
                "导入乙" + tag + ",女,2014-06-01,,141029100001,\"ORPHAN,DISTRESS\",POVERTY,红色（每周走访）,,,,,,",
                "导入丙" + tag + ",男,2015-02-30,,141029100001,ORPHAN,,GREEN,,,,,,",
                "导入丁" + tag + ",男,2015-02-03,141029201502031230,141029100001,ORPHAN,,GREEN,,,,,,",
                "导入戊" + tag + ",男,2015-02-03,,141029101001,NO_SUCH,,GREEN,,,,,,") + "\r\n";
        byte[] body = csv.getBytes(StandardCharsets.UTF_8);
        MediaType csvType = new MediaType("text", "csv", StandardCharsets.UTF_8);

        assertThat(upload("director1", "/api/v1/register/import/preview", body, csvType)).hasStatus(403);
        MvcTestResult preview = upload("supervisor1", "/api/v1/register/import/preview", body, csvType);
        assertThat(preview).hasStatusOk();
        assertThat((Integer) read(preview, "$.rows")).isEqualTo(5);
        assertThat((Integer) read(preview, "$.valid")).isEqualTo(2);
        List<Integer> rows = read(preview, "$.errors[*].row");
        assertThat(rows).contains(4, 5, 6).doesNotContain(2, 3);
        List<String> messages = read(preview, "$.errors[*].message");
        assertThat(messages).anySatisfy(m -> assertThat(m).contains("2015-02-30"))
                .anySatisfy(m -> assertThat(m).contains("不在您的辖区内"))
                .anySatisfy(m -> assertThat(m).contains("NO_SUCH"));

        MvcTestResult first = upload("supervisor1", "/api/v1/register/import", body, csvType);
        assertThat(first).hasStatusOk();
        assertThat((Integer) read(first, "$.created")).isEqualTo(2);
        assertThat((Integer) read(first, "$.invalid")).isEqualTo(3);
        MvcTestResult second = upload("supervisor1", "/api/v1/register/import", body, csvType);
        assertThat((Integer) read(second, "$.created")).isZero();
        assertThat((Integer) read(second, "$.alreadyRegistered")).isEqualTo(2);
        assertThat((Integer) read(upload("supervisor1", "/api/v1/register/import/preview", body, csvType), "$.valid"))
                .isZero();

        // imported entries are in force, their first visit due, and in the director's list
        List<String> names = read(api().as("director1").get("/api/v1/register?status=ACTIVE&size=200"), "$.items[*].childLabel");
        assertThat(names).contains("导入甲" + tag, "导入乙" + tag);
    }

    @Test
    void theExcelTemplateDownloadsAndAFilledInWorkbookImports() throws Exception {
        MvcTestResult template = mvc.get().uri("/api/v1/register/import/template").header("Authorization", basic("admin"))
                .exchange();
        assertThat(template).hasStatusOk();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(
                template.getResponse().getContentAsByteArray()))) {
            var heading = workbook.getFirstSheet().read().get(0);
            assertThat(heading.getCellText(0)).isEqualTo("姓名");
            assertThat(heading.getCellText(13)).isEqualTo("照护人电话");
        }

        String tag = UUID.randomUUID().toString().substring(0, 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("register");
        sheet.value(0, 0, "姓名");
        sheet.value(1, 0, "表格导入" + tag);
        sheet.value(1, 1, "女");
        sheet.value(1, 2, java.time.LocalDate.of(2016, 8, 8)); // a real Excel date cell
        sheet.style(1, 2).format("yyyy-mm-dd").set();
        sheet.value(1, 4, "141029101001");
        sheet.value(1, 5, "MIGRANT");
        sheet.value(1, 7, "GREEN");
        sheet.value(2, 0, "表格错行" + tag);
        sheet.value(2, 4, "141029101001");
        sheet.value(2, 5, "MIGRANT");
        workbook.finish();
        MediaType xlsx = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        MvcTestResult preview = upload("supervisor2", "/api/v1/register/import/preview", out.toByteArray(), xlsx);
        assertThat(preview).hasStatusOk();
        assertThat((Integer) read(preview, "$.valid")).isEqualTo(1);
        assertThat((List<String>) read(preview, "$.errors[*].column")).containsExactly("tier");
        MvcTestResult imported = upload("supervisor2", "/api/v1/register/import", out.toByteArray(), xlsx);
        assertThat((Integer) read(imported, "$.created")).isEqualTo(1);
        List<String> birthDates = read(api().as("supervisor2").get("/api/v1/register?size=200"), "$.items[*].childLabel");
        assertThat(birthDates).contains("表格导入" + tag);

        assertThat(upload("supervisor2", "/api/v1/register/import/preview", "not a workbook".getBytes(), xlsx))
                .hasStatus(400);
    }
}

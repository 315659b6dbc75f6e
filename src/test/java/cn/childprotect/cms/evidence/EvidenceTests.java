package cn.childprotect.cms.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.childprotect.cms.support.IntegrationTest;
import cn.childprotect.cms.support.TestIds;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.UserDirectory;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Evidence attachments (docs/domain.md §3.4): typed by content, encrypted at rest, shared with agencies. */
class EvidenceTests extends IntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    /** A JPEG as a camera writes it (SOI, JFIF APP0), then some distinct bytes. */
    static byte[] jpeg(int variant) {
        byte[] head = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01,
                0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00 };
        byte[] body = ("照片内容-" + variant + "-" + UUID.randomUUID()).repeat(20).getBytes(StandardCharsets.UTF_8);
        byte[] out = Arrays.copyOf(head, head.length + body.length + 2);
        System.arraycopy(body, 0, out, head.length, body.length);
        out[out.length - 2] = (byte) 0xFF;
        out[out.length - 1] = (byte) 0xD9;
        return out;
    }

    /** A Windows executable (MZ header with a PE signature), named as if it were a photo. */
    static byte[] executable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    MvcTestResult upload(String user, String path, long id, String name, byte[] bytes) {
        return mvc.post().uri(path, id).header("Authorization", basic(user)).multipart()
                .file(new MockMultipartFile("file", name, "image/jpeg", bytes)).exchange();
    }

    /** A school's report in township 1; returns {reportId, caseId}. */
    long[] schoolReport() {
        MvcTestResult filed = mvc.post().uri("/api/v1/reports").header("Authorization", basic("school1"))
                .header("Idempotency-Key", UUID.randomUUID().toString()).contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"categories":["MR04"],"villageCode":"141029100001","narrative":"学生身上多处淤青",
                         "child":{"name":"%s","sex":"MALE","villageCode":"141029100001"},
                         "police":{"notifiedAt":"2026-11-20T08:00:00Z","station":"城关派出所","receiptNumber":"J1"},
                         "reporter":{"name":"王老师","phone":"13800000001"}}""".formatted(TestIds.uniqueName())).exchange();
        assertThat(filed).hasStatus(201);
        long reportId = ((Number) read(filed, "$.reportId")).longValue();
        long caseId = ((Number) read(mvc.get().uri("/api/v1/reports/{id}", reportId)
                .header("Authorization", basic("supervisor1")).exchange(), "$.caseId")).longValue();
        return new long[] { reportId, caseId };
    }

    @Test
    void aReporterAttachesAPhotoOnceAndTheTableHoldsNeitherTheFileNorItsName() {
        long[] report = schoolReport();
        byte[] photo = jpeg(1);
        MvcTestResult first = upload("school1", "/api/v1/reports/{id}/attachments", report[0], "淤青照片.jpg", photo);
        assertThat(first).hasStatus(201).bodyJson().extractingPath("$.mediaType").isEqualTo("image/jpeg");
        long id = ((Number) read(first, "$.id")).longValue();
        MvcTestResult retry = upload("school1", "/api/v1/reports/{id}/attachments", report[0], "淤青照片.jpg", photo);
        assertThat(retry).hasStatus(200).bodyJson().extractingPath("$.id").isEqualTo((int) id);

        String key = jdbc.queryForObject("select storage_key from evidence_attachment where id = ?", String.class, id);
        byte[] stored = jdbc.queryForObject("select bytes from evidence_chunk where storage_key = ? and seq = 0",
                byte[].class, key);
        assertThat(stored).isNotEqualTo(photo);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String(Arrays.copyOfRange(photo, 20, 60), StandardCharsets.ISO_8859_1));
        assertThat(jdbc.queryForObject("select file_name_cipher from evidence_attachment where id = ?", String.class, id))
                .doesNotContain("淤青");

        MvcTestResult read = mvc.get().uri("/api/v1/cases/{c}/attachments/{id}/content", report[1], id)
                .header("Authorization", basic("supervisor1")).exchange();
        assertThat(read).hasStatusOk();
        assertThat(read.getResponse().getContentAsByteArray()).isEqualTo(photo);
        assertThat(jdbc.queryForObject("select count(*) from audit_entry where action = 'ATTACHMENT_READ' and actor = "
                + "'supervisor1' and target_id = ?", Integer.class, String.valueOf(id))).isEqualTo(1);
        assertThat(upload("clinic1", "/api/v1/reports/{id}/attachments", report[0], "x.jpg", jpeg(2))).hasStatus(404);
    }

    @Autowired
    Evidence evidence;

    @Autowired
    UserDirectory users;

    @Test
    void identicalUploadsAtTheSameInstantMakeOneAttachmentAndEveryoneGetsIt() throws Exception {
        long[] report = schoolReport();
        CurrentUser school = users.findCurrentUser("school1").orElseThrow();
        int clients = 6;
        for (int round = 0; round < 3; round++) {
            byte[] photo = jpeg(100 + round);
            CyclicBarrier together = new CyclicBarrier(clients);
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            try {
                List<Future<Evidence.AttachmentView>> answers = new ArrayList<>();
                for (int i = 0; i < clients; i++) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return evidence.addToReport(report[0], new Evidence.Upload("同一张照片.jpg", photo), school);
                    }));
                }
                Set<Long> ids = new HashSet<>();
                for (Future<Evidence.AttachmentView> answer : answers) {
                    ids.add(answer.get(60, TimeUnit.SECONDS).id());
                }
                assertThat(ids).hasSize(1);
                assertThat(jdbc.queryForObject("select count(*) from evidence_attachment where id = ?", Integer.class,
                        ids.iterator().next())).isEqualTo(1);
            }
            finally {
                pool.shutdownNow();
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from evidence_attachment where owner_type = 'REPORT' and owner_id = ?",
                Integer.class, report[0])).isEqualTo(3);
    }

    @Test
    void aJpgThatIsReallyAnExecutableIsRefused() {
        long[] report = schoolReport();
        MvcTestResult refused = upload("school1", "/api/v1/reports/{id}/attachments", report[0], "photo.jpg", executable());
        assertThat(refused).hasStatus(400).bodyJson().extractingPath("$.errors[0].field").isEqualTo("file");
        assertThat(jdbc.queryForObject("select count(*) from evidence_attachment where owner_type = 'REPORT' and owner_id = ?",
                Integer.class, report[0])).isZero();
    }

    @Test
    void aReportTakesTenFilesAtMost() {
        long[] report = schoolReport();
        for (int i = 0; i < 10; i++) {
            assertThat(upload("school1", "/api/v1/reports/{id}/attachments", report[0], i + ".jpg", jpeg(i))).hasStatus(201);
        }
        assertThat(upload("school1", "/api/v1/reports/{id}/attachments", report[0], "11.jpg", jpeg(11))).hasStatus(409);
    }

    @Test
    void anAgencySeesAnAttachmentOnlyWhenItsWorkOrderSharesIt() {
        long caseId = schoolReport()[1];
        acceptAndAssignToDirector1(caseId);
        MvcTestResult order = api().as("director1").dispatch(caseId, "XN-PS");
        assertThat(order).hasStatus(201);
        long orderId = ((Number) read(order, "$.id")).longValue();
        byte[] shared = jpeg(21);
        long sharedId = ((Number) read(upload("director1", "/api/v1/cases/{id}/attachments", caseId, "a.jpg", shared),
                "$.id")).longValue();
        long keptId = ((Number) read(upload("director1", "/api/v1/cases/{id}/attachments", caseId, "b.jpg", jpeg(22)),
                "$.id")).longValue();

        String content = "/api/v1/cases/{c}/attachments/{id}/content";
        assertThat(mvc.get().uri(content, caseId, sharedId).header("Authorization", basic("police1")).exchange())
                .hasStatus(404);
        assertThat(mvc.post().uri("/api/v1/cases/{c}/attachments/{id}/shares", caseId, sharedId)
                .header("Authorization", basic("director1")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"workOrderId\":" + orderId + "}").exchange()).hasStatusOk();

        MvcTestResult read = mvc.get().uri(content, caseId, sharedId).header("Authorization", basic("police1")).exchange();
        assertThat(read).hasStatusOk();
        assertThat(read.getResponse().getContentAsByteArray()).isEqualTo(shared);
        assertThat(mvc.get().uri(content, caseId, keptId).header("Authorization", basic("police1")).exchange())
                .hasStatus(404);
        MvcTestResult list = mvc.get().uri("/api/v1/cases/{id}/attachments", caseId).header("Authorization", basic("police1"))
                .exchange();
        assertThat(list).hasStatusOk().bodyJson().extractingPath("$[*].id").asArray().containsExactly((int) sharedId);
        assertThat(mvc.get().uri(content, caseId, sharedId).header("Authorization", basic("director2")).exchange())
                .hasStatus(404);
    }
}

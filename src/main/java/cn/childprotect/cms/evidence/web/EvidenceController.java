package cn.childprotect.cms.evidence.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.childprotect.cms.evidence.Evidence;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.constraints.NotNull;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence attachments (docs/domain.md §3.4): upload (multipart field {@code file}), list, read, share. */
@RestController
class EvidenceController {

    private final Evidence evidence;
    private final CurrentUsers currentUsers;

    EvidenceController(Evidence evidence, CurrentUsers currentUsers) {
        this.evidence = evidence;
        this.currentUsers = currentUsers;
    }

    /** 201 for a new attachment, 200 when the same file was already there (a retry). */
    @PostMapping(path = "/api/v1/reports/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Evidence.AttachmentView> addToReport(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return created(evidence.addToReport(id, new Evidence.Upload(file.getOriginalFilename(), file.getBytes()),
                currentUsers.current()));
    }

    @PostMapping(path = "/api/v1/cases/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Evidence.AttachmentView> addToCase(@PathVariable long id, @RequestParam("file") MultipartFile file)
            throws IOException {
        return created(evidence.addToCase(id, new Evidence.Upload(file.getOriginalFilename(), file.getBytes()),
                currentUsers.current()));
    }

    @GetMapping("/api/v1/cases/{id}/attachments")
    List<Evidence.AttachmentView> ofCase(@PathVariable long id) {
        return evidence.ofCase(id, currentUsers.current());
    }

    /** The file itself, as an attachment download (never rendered inline by the browser). */
    @GetMapping("/api/v1/cases/{caseId}/attachments/{id}/content")
    ResponseEntity<byte[]> content(@PathVariable long caseId, @PathVariable long id) {
        Evidence.Content content = evidence.content(caseId, id, currentUsers.current());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName() == null ? "attachment-" + id : content.fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .body(content.bytes());
    }

    record ShareRequest(@NotNull Long workOrderId) {
    }

    @PostMapping("/api/v1/cases/{caseId}/attachments/{id}/shares")
    Evidence.AttachmentView share(@PathVariable long caseId, @PathVariable long id,
            @jakarta.validation.Valid @RequestBody ShareRequest request) {
        return evidence.share(caseId, id, request.workOrderId(), currentUsers.current());
    }

    private static ResponseEntity<Evidence.AttachmentView> created(Evidence.AttachmentView view) {
        return ResponseEntity.status(view.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(view);
    }
}

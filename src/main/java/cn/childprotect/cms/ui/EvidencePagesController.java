package cn.childprotect.cms.ui;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import cn.childprotect.cms.evidence.Evidence;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The case page's evidence files (docs/domain.md §3.4): upload (static/js/evidence-upload.js shows progress) and download. */
@Controller
class EvidencePagesController {

    private final Evidence evidence;
    private final CurrentUsers currentUsers;

    EvidencePagesController(Evidence evidence, CurrentUsers currentUsers) {
        this.evidence = evidence;
        this.currentUsers = currentUsers;
    }

    @PostMapping("/cases/{id}/attachments")
    @OnRefusal("/cases/{id}")
    String upload(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        evidence.addToCase(id, new Evidence.Upload(file.getOriginalFilename(), file.getBytes()), currentUsers.current());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cases/" + id;
    }

    @GetMapping("/cases/{caseId}/attachments/{id}")
    ResponseEntity<byte[]> download(@PathVariable long caseId, @PathVariable long id) {
        Evidence.Content content = evidence.content(caseId, id, currentUsers.current());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(content.fileName() == null ? "attachment-" + id : content.fileName(),
                                StandardCharsets.UTF_8).build().toString())
                .body(content.bytes());
    }
}

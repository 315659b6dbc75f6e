package cn.childprotect.cms.casefile.web;

import cn.childprotect.cms.casefile.CaseFilePage;
import cn.childprotect.cms.casefile.CaseFileReader;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The case file through the API; its ETag is the case's version (the If-Match of a transition). */
@RestController
class CaseFileController {

    private final CaseFileReader reader;
    private final CurrentUsers currentUsers;

    CaseFileController(CaseFileReader reader, CurrentUsers currentUsers) {
        this.reader = reader;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/cases/{id}")
    ResponseEntity<CaseFilePage> detail(@PathVariable long id) {
        CaseFilePage page = reader.page(id, currentUsers.current());
        return ResponseEntity.ok().eTag(Long.toString(page.file().version())).body(page);
    }
}

package cn.childprotect.cms.cases.web;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseTimelineItem;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Case notes (个案记录): timeline entries written by those who work the case. */
@RestController
class CaseNotesController {

    private final CaseFiles caseFiles;
    private final CurrentUsers currentUsers;

    CaseNotesController(CaseFiles caseFiles, CurrentUsers currentUsers) {
        this.caseFiles = caseFiles;
        this.currentUsers = currentUsers;
    }

    record NoteRequest(@NotBlank @Size(max = CaseFiles.NOTE_MAX_LENGTH) String text) {
    }

    @PostMapping("/api/v1/cases/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    CaseTimelineItem add(@PathVariable long id, @Valid @RequestBody NoteRequest request) {
        return caseFiles.addNote(id, request.text(), currentUsers.current());
    }
}

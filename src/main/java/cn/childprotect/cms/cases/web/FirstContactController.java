package cn.childprotect.cms.cases.web;

import java.time.Instant;

import cn.childprotect.cms.cases.CaseScreening;
import cn.childprotect.cms.cases.ScreeningView;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The first face-to-face contact with the child (首次见面核实, docs/domain.md §8), once per case. */
@RestController
class FirstContactController {

    private final CaseScreening screening;
    private final CurrentUsers currentUsers;

    FirstContactController(CaseScreening screening, CurrentUsers currentUsers) {
        this.screening = screening;
        this.currentUsers = currentUsers;
    }

    /** {@code contactedAt} defaults to now. */
    record FirstContactRequest(Instant contactedAt, @Size(max = CaseScreening.NOTE_MAX) String note) {
    }

    @PostMapping("/api/v1/cases/{id}/first-contact")
    @ResponseStatus(HttpStatus.CREATED)
    ScreeningView record(@PathVariable long id, @Valid @RequestBody FirstContactRequest request) {
        return screening.recordFirstContact(id, request.contactedAt(), request.note(), currentUsers.current());
    }
}

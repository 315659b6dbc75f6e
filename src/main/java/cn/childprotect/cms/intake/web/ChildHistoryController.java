package cn.childprotect.cms.intake.web;

import cn.childprotect.cms.intake.ChildHistory;
import cn.childprotect.cms.intake.InvolvementHistory;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The history of involvement of a child and its family (docs/domain.md §8); scoped, masked, audited. */
@RestController
class ChildHistoryController {

    private final InvolvementHistory history;
    private final CurrentUsers currentUsers;

    ChildHistoryController(InvolvementHistory history, CurrentUsers currentUsers) {
        this.history = history;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/api/v1/children/{id}/history")
    ChildHistory history(@PathVariable long id) {
        return history.forChild(id, currentUsers.current());
    }
}

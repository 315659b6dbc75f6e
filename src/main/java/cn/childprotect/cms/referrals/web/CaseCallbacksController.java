package cn.childprotect.cms.referrals.web;

import java.util.List;

import cn.childprotect.cms.referrals.CaseCallbacks;
import cn.childprotect.cms.referrals.ReferralsProperties;
import cn.childprotect.cms.referrals.Satisfaction;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Callbacks (回访) after a case is closed (issue 16). */
@RestController
class CaseCallbacksController {

    private final CaseCallbacks callbacks;
    private final CurrentUsers currentUsers;
    private final ReferralsProperties properties;

    CaseCallbacksController(CaseCallbacks callbacks, CurrentUsers currentUsers, ReferralsProperties properties) {
        this.callbacks = callbacks;
        this.currentUsers = currentUsers;
        this.properties = properties;
    }

    record CaseCallbackBody(@NotNull Boolean reached, Satisfaction satisfaction, @Size(max = 4000) String comment) {
    }

    @PostMapping("/api/v1/cases/{caseId}/callbacks")
    ResponseEntity<CaseCallbacks.CaseCallbackView> record(@PathVariable long caseId,
            @Valid @RequestBody CaseCallbackBody body) {
        return ResponseEntity.status(201).body(callbacks.record(caseId,
                new WorkOrderDesk.CallbackInput(body.reached(), body.satisfaction(), body.comment()),
                currentUsers.current()));
    }

    @GetMapping("/api/v1/cases/callbacks-due")
    List<CaseCallbacks.CaseCallbackDue> due() {
        return callbacks.due(currentUsers.current(), properties.callbackWithin(), 200);
    }
}

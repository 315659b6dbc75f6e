package cn.childprotect.cms.ui;

import java.time.Instant;
import java.time.LocalDateTime;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseScreening;
import cn.childprotect.cms.cases.ResponsePriority;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The screening forms of the case page (fragments/screening-case-panel.html, docs/domain.md §8): the
 * supervisor's accept dialog with the proposed priority and an override reason, screen-out with a
 * reason code and a referral, and the first face-to-face contact.
 */
@Controller
class ScreeningPagesController {

    private final CaseFiles caseFiles;
    private final CaseScreening screening;
    private final CurrentUsers currentUsers;
    private final BusinessTime time;

    ScreeningPagesController(CaseFiles caseFiles, CaseScreening screening, CurrentUsers currentUsers, BusinessTime time) {
        this.caseFiles = caseFiles;
        this.screening = screening;
        this.currentUsers = currentUsers;
        this.time = time;
    }

    @PostMapping("/cases/{id}/screening/accept")
    @OnRefusal("/cases/{id}")
    String accept(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) ResponsePriority responsePriority,
            @RequestParam(required = false) String overrideReason, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> caseFiles.transition(id, new TransitionCommand(CaseEvent.ACCEPT,
                Texts.blankToNull(note), null, null, responsePriority, Texts.blankToNull(overrideReason), null, null),
                version, currentUsers.current()));
    }

    @PostMapping("/cases/{id}/screening/screen-out")
    @OnRefusal("/cases/{id}")
    String screenOut(@PathVariable long id, @RequestParam long version, @RequestParam String screenOutReason,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String referredTo,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> caseFiles.transition(id, new TransitionCommand(CaseEvent.SCREEN_OUT, null,
                Texts.blankToNull(reason), null, null, null, Texts.blankToNull(screenOutReason),
                Texts.blankToNull(referredTo)), version, currentUsers.current()));
    }

    @PostMapping("/cases/{id}/first-contact")
    @OnRefusal("/cases/{id}")
    String firstContact(@PathVariable long id, @RequestParam(required = false) String contactedAt,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Instant at = contactedAt == null || contactedAt.isBlank() ? null
                    : LocalDateTime.parse(contactedAt).atZone(time.zone()).toInstant();
            return screening.recordFirstContact(id, at, Texts.blankToNull(note), currentUsers.current());
        });
    }

    /** Refusals and unreadable dates go back to the case page through FormRefusals (@OnRefusal). */
    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<Object> action) {
        action.get();
        redirect.addFlashAttribute("saved", true);
        return "redirect:/cases/" + id;
    }
}

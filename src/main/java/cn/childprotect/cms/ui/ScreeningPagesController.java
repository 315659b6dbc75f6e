package cn.childprotect.cms.ui;

import java.time.Instant;
import java.time.LocalDateTime;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseScreening;
import cn.childprotect.cms.cases.ResponsePriority;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.context.MessageSource;
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
    private final MessageSource messages;

    ScreeningPagesController(CaseFiles caseFiles, CaseScreening screening, CurrentUsers currentUsers, BusinessTime time,
            MessageSource messages) {
        this.caseFiles = caseFiles;
        this.screening = screening;
        this.currentUsers = currentUsers;
        this.time = time;
        this.messages = messages;
    }

    @PostMapping("/cases/{id}/screening/accept")
    String accept(@PathVariable long id, @RequestParam long version,
            @RequestParam(required = false) ResponsePriority responsePriority,
            @RequestParam(required = false) String overrideReason, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> caseFiles.transition(id, new TransitionCommand(CaseEvent.ACCEPT,
                Texts.blankToNull(note), null, null, responsePriority, Texts.blankToNull(overrideReason), null, null),
                version, currentUsers.current()));
    }

    @PostMapping("/cases/{id}/screening/screen-out")
    String screenOut(@PathVariable long id, @RequestParam long version, @RequestParam String screenOutReason,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String referredTo,
            RedirectAttributes redirect) {
        return act(id, redirect, () -> caseFiles.transition(id, new TransitionCommand(CaseEvent.SCREEN_OUT, null,
                Texts.blankToNull(reason), null, null, null, Texts.blankToNull(screenOutReason),
                Texts.blankToNull(referredTo)), version, currentUsers.current()));
    }

    @PostMapping("/cases/{id}/first-contact")
    String firstContact(@PathVariable long id, @RequestParam(required = false) String contactedAt,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            Instant at = contactedAt == null || contactedAt.isBlank() ? null
                    : LocalDateTime.parse(contactedAt).atZone(time.zone()).toInstant();
            return screening.recordFirstContact(id, at, Texts.blankToNull(note), currentUsers.current());
        });
    }

    private String act(long id, RedirectAttributes redirect, java.util.function.Supplier<Object> action) {
        try {
            action.get();
            redirect.addFlashAttribute("saved", true);
        }
        catch (Refusal problem) {
            redirect.addFlashAttribute("stale", ProblemTypes.STALE_VERSION.equals(problem.type()));
            redirect.addFlashAttribute("pageError", FormRefusals.message(problem, messages));
            redirect.addFlashAttribute("fieldErrors", FormRefusals.byField(problem, messages));
        }
        catch (java.time.format.DateTimeParseException badInput) {
            redirect.addFlashAttribute("pageError", badInput.getMessage());
        }
        return "redirect:/cases/" + id;
    }
}

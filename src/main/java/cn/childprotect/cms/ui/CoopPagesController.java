package cn.childprotect.cms.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;

import cn.childprotect.cms.referrals.ReferralsProperties;
import cn.childprotect.cms.referrals.Satisfaction;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.Role;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of 协同办理 (coop, issue 16): the callbacks-due work list and the callback form, the
 * agency's extension request and the supervisor's decision, and the agencies' performance.
 */
@Controller
class CoopPagesController {

    private final WorkOrderDesk desk;
    private final CurrentUsers currentUsers;
    private final ReferralsProperties properties;
    private final BusinessTime time;
    private final cn.childprotect.cms.referrals.CaseCallbacks caseCallbacks;

    CoopPagesController(cn.childprotect.cms.referrals.CaseCallbacks caseCallbacks, WorkOrderDesk desk,
            CurrentUsers currentUsers, ReferralsProperties properties,
            BusinessTime time) {
        this.caseCallbacks = caseCallbacks;
        this.desk = desk;
        this.currentUsers = currentUsers;
        this.properties = properties;
        this.time = time;
    }

    @GetMapping("/callbacks")
    String callbacks(Model model) {
        model.addAttribute("due", desk.callbacksDue(currentUsers.current(), properties.callbackWithin(), 200));
        model.addAttribute("casesDue", caseCallbacks.due(currentUsers.current(), properties.callbackWithin(), 200));
        return "ui/callbacks";
    }

    /** A callback from the work list or from the case page ({@code case} brings the user back there). */
    @PostMapping("/callbacks/{orderId}")
    @OnRefusal(value = "/cases/{case}", otherwise = "/callbacks")
    String callback(@PathVariable long orderId, @RequestParam(defaultValue = "false") boolean reached,
            @RequestParam(required = false) Satisfaction satisfaction, @RequestParam(required = false) String comment,
            @RequestParam(name = "case", required = false) Long caseId, RedirectAttributes redirect) {
        run(redirect, () -> desk.recordCallback(orderId, new WorkOrderDesk.CallbackInput(reached,
                reached ? satisfaction : null, comment), currentUsers.current()));
        return caseId == null ? "redirect:/callbacks" : "redirect:/cases/" + caseId;
    }

    /** A callback of a closed case, from the work list. */
    @PostMapping("/callbacks/cases/{caseId}")
    String caseCallback(@PathVariable long caseId, @RequestParam(defaultValue = "false") boolean reached,
            @RequestParam(required = false) Satisfaction satisfaction, @RequestParam(required = false) String comment,
            RedirectAttributes redirect) {
        run(redirect, () -> caseCallbacks.record(caseId, new WorkOrderDesk.CallbackInput(reached,
                reached ? satisfaction : null, comment), currentUsers.current()));
        return "redirect:/callbacks";
    }

    /** The agency asks for a later deadline (a local date and time of the county). */
    @PostMapping("/extensions/{orderId}")
    @OnRefusal("/work-orders/{orderId}")
    String requestExtension(@PathVariable long orderId, @RequestParam String due, @RequestParam String text,
            RedirectAttributes redirect) {
        run(redirect, () -> desk.requestExtension(orderId, new WorkOrderDesk.ExtensionInput(
                LocalDateTime.parse(due).atZone(time.zone()).toInstant(), text), currentUsers.current()));
        return "redirect:/work-orders/" + orderId;
    }

    @GetMapping("/extensions")
    String extensions(Model model) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.SUPERVISOR)) {
            return "redirect:/";
        }
        model.addAttribute("pending", desk.pendingExtensions(me));
        return "ui/extensions";
    }

    @PostMapping("/extensions/{orderId}/{requestId}/{decision}")
    @OnRefusal(value = "/cases/{case}", otherwise = "/extensions")
    String decide(@PathVariable long orderId, @PathVariable long requestId, @PathVariable String decision,
            @RequestParam(required = false) String text, @RequestParam(name = "case", required = false) Long caseId,
            RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        run(redirect, () -> {
            switch (decision) {
                case "approve" -> desk.approveExtension(orderId, requestId, null, me);
                case "refuse" -> desk.refuseExtension(orderId, requestId,
                        new WorkOrderDesk.ExtensionDecision(null, text), me);
                default -> throw Refusal.notFound(decision);
            }
        });
        return caseId == null ? "redirect:/extensions" : "redirect:/cases/" + caseId;
    }

    @GetMapping("/performance")
    String performance(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
            Model model) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.SUPERVISOR)) {
            return "redirect:/";
        }
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.withDayOfMonth(1) : from;
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("rows", desk.performance(start.atStartOfDay(time.zone()).toInstant(),
                end.plusDays(1).atStartOfDay(time.zone()).toInstant(), me));
        return "ui/performance";
    }

    /** Does it; a refusal goes back to the page through FormRefusals ({@link OnRefusal}). */
    private static void run(RedirectAttributes redirect, Runnable action) {
        action.run();
        redirect.addFlashAttribute("saved", true);
    }
}

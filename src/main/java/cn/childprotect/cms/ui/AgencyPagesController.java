package cn.childprotect.cms.ui;

import cn.childprotect.cms.referrals.WorkOrderAction;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.referrals.WorkOrderDesk.StepInput;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.Role;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Agency staff: their agency's work orders, and sign / return / respond on each. */
@Controller
class AgencyPagesController {

    private final WorkOrderDesk desk;
    private final CurrentUsers currentUsers;
    private final org.springframework.context.MessageSource messages;

    AgencyPagesController(WorkOrderDesk desk, CurrentUsers currentUsers,
            org.springframework.context.MessageSource messages) {
        this.desk = desk;
        this.messages = messages;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/work-orders")
    String list(Model model) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.AGENCY_STAFF)) {
            return "redirect:/";
        }
        model.addAttribute("orders", desk.mine(me, null, false,
                PageRequest.of(0, 100, Sort.by("dueAt", "id"))).getContent());
        return "ui/work-orders";
    }

    @GetMapping("/work-orders/{id}")
    String detail(@PathVariable long id, Model model) {
        try {
            model.addAttribute("w", desk.find(id, currentUsers.current()));
            return "ui/work-order";
        }
        catch (Refusal notThere) {
            model.addAttribute("pageError", FormRefusals.message(notThere, messages));
            return "ui/not-found";
        }
    }

    @PostMapping("/work-orders/{id}/{step}")
    @OnRefusal("/work-orders/{id}")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String text,
            RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        switch (step) {
            case "sign" -> desk.take(id, WorkOrderAction.SIGN, StepInput.of(text), me);
            case "return" -> desk.take(id, WorkOrderAction.RETURN, StepInput.of(text), me);
            case "respond" -> desk.take(id, WorkOrderAction.RESPOND, StepInput.of(text), me);
            default -> throw Refusal.notFound("unknown step");
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/work-orders/" + id;
    }
}

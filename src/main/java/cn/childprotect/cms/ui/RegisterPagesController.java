package cn.childprotect.cms.ui;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.childprotect.cms.intake.ReportTaxonomy;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.monitoring.Register;
import cn.childprotect.cms.monitoring.RegisterEvent;
import cn.childprotect.cms.monitoring.RegisterStatus;
import cn.childprotect.cms.monitoring.RegisterTaxonomy;
import cn.childprotect.cms.monitoring.RegisterViews;
import cn.childprotect.cms.monitoring.VisitKind;
import cn.childprotect.cms.monitoring.VisitSafety;
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
 * Pages of the at-risk register (issue 12): the director's "my children" on a phone (overdue
 * first, the next visit's date, the visit form one tap away), an entry with its visits, review
 * steps and history, and the supervisors' review queue (township: entries and exits to review;
 * county: to confirm). Everything goes through the register's facade, so its scoping applies.
 */
@Controller
class RegisterPagesController {

    private final Register register;
    private final RegisterTaxonomy taxonomy;
    private final ReportTaxonomy reportTaxonomy;
    private final CurrentUsers currentUsers;
    private final BusinessTime time;

    RegisterPagesController(Register register, RegisterTaxonomy taxonomy, ReportTaxonomy reportTaxonomy,
            CurrentUsers currentUsers, BusinessTime time) {
        this.register = register;
        this.taxonomy = taxonomy;
        this.reportTaxonomy = reportTaxonomy;
        this.currentUsers = currentUsers;
        this.time = time;
    }

    @GetMapping("/register")
    String list(@RequestParam(defaultValue = "false") boolean overdue, Model model) {
        CurrentUser me = currentUsers.current();
        if (!Register.works(me)) {
            return "redirect:/";
        }
        model.addAttribute("rows", register.list(new Register.Filter(null, null, null, overdue, 0, 200), me));
        model.addAttribute("overdueOnly", overdue);
        model.addAttribute("taxonomy", taxonomy);
        return "ui/register";
    }

    @GetMapping("/register/review")
    String review(Model model) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.SUPERVISOR)) {
            return "redirect:/";
        }
        boolean county = DivisionLevel.of(me.jurisdictionCode()) == DivisionLevel.COUNTY;
        List<RegisterViews.Row> rows = new ArrayList<>();
        for (RegisterStatus status : county
                ? List.of(RegisterStatus.PENDING_CONFIRMATION, RegisterStatus.EXIT_PENDING_CONFIRMATION)
                : List.of(RegisterStatus.PENDING_REVIEW, RegisterStatus.EXIT_PENDING_REVIEW)) {
            rows.addAll(register.list(new Register.Filter(status, null, null, false, 0, 200), me));
        }
        model.addAttribute("rows", rows);
        model.addAttribute("county", county);
        model.addAttribute("taxonomy", taxonomy);
        return "ui/register-review";
    }

    @GetMapping("/register/{id}")
    String entry(@PathVariable long id, Model model) {
        CurrentUser me = currentUsers.current();
        model.addAttribute("entry", register.get(id, me));
        model.addAttribute("visits", register.visits(id, me));
        model.addAttribute("history", register.history(id, me));
        model.addAttribute("taxonomy", taxonomy);
        model.addAttribute("reportCategories", reportTaxonomy.categories());
        model.addAttribute("kinds", VisitKind.values());
        model.addAttribute("safeties", VisitSafety.values());
        model.addAttribute("today", time.today());
        return "ui/register-entry";
    }

    @PostMapping("/register/{id}/visits")
    @OnRefusal("/register/{id}")
    String visit(@PathVariable long id, @RequestParam(required = false) LocalDate visitedOn,
            @RequestParam(required = false) VisitKind kind, @RequestParam(required = false) VisitSafety safety,
            @RequestParam(required = false) String personsSeen,
            @RequestParam(required = false) List<String> livingConditions,
            @RequestParam(required = false) String observations, @RequestParam(required = false) String needs,
            @RequestParam(required = false) String nextSteps,
            @RequestParam(required = false) List<String> reportCategories, RedirectAttributes redirect) {
        register.recordVisit(id, new RegisterViews.NewVisit(visitedOn, kind, personsSeen, livingConditions,
                observations, safety, needs, nextSteps, reportCategories), currentUsers.current());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/register/" + id;
    }

    @PostMapping("/register/{id}/transitions")
    @OnRefusal("/register/{id}")
    String transition(@PathVariable long id, @RequestParam RegisterEvent event, @RequestParam long version,
            @RequestParam(required = false) String reason, @RequestParam(required = false) String exitReason,
            RedirectAttributes redirect) {
        register.transition(id, new RegisterViews.Transition(event, reason, exitReason), version,
                currentUsers.current());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/register/" + id;
    }

}

package cn.childprotect.cms.ui;

import java.util.Map;

import cn.childprotect.cms.assessment.AssessmentDesk;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseSearch;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.escalations.EscalationDesk;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.Role;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Supervisors: the dashboard of their scope and the escalation queue. */
@Controller
class SupervisorPagesController {

    private final EscalationDesk escalations;
    private final CaseQueries cases;
    private final CurrentUsers currentUsers;
    private final AssessmentDesk support;
    private final Jurisdictions jurisdictions;

    SupervisorPagesController(EscalationDesk escalations, CaseQueries cases, CurrentUsers currentUsers,
            AssessmentDesk support, Jurisdictions jurisdictions) {
        this.support = support;
        this.jurisdictions = jurisdictions;
        this.escalations = escalations;
        this.cases = cases;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/dashboard")
    String dashboard(Model model) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.SUPERVISOR)) {
            return "redirect:/";
        }
        Map<String, Object> summary = escalations.summary(me);
        model.addAttribute("summary", summary);
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        // counted up to CaseQueries.COUNT_CAP each (shown as "1000+"), never over the whole scope
        java.util.Set<String> capped = new java.util.HashSet<>();
        for (CaseStatus status : CaseStatus.values()) {
            if (status.isOpen()) {
                var list = cases.list(new CaseSearch(java.util.Set.of(status), null, false, null, false, null, null, null,
                        null), 0, 1, cn.childprotect.cms.cases.CaseSort.NEWEST, me);
                counts.put(status.label(), list.total());
                if (!list.totalExact()) {
                    capped.add(status.label());
                }
            }
        }
        model.addAttribute("capped", capped);
        long max = counts.values().stream().mapToLong(Long::longValue).max().orElse(1);
        model.addAttribute("counts", counts);
        model.addAttribute("max", Math.max(max, 1));
        model.addAttribute("overdue", cases.search(new CaseSearch(null, null, false, null, true, null, null, null, null),
                PageRequest.of(0, 10), me));
        model.addAttribute("queue", escalations.queue(me, null, null, 0, 5).getContent());
        // 评估待确认: HIGH/CRITICAL levels that count only once a supervisor confirms them
        model.addAttribute("awaiting", support.awaitingConfirmation(me, 50));
        model.addAttribute("jurisdictions", jurisdictions);
        return "ui/dashboard";
    }

    @GetMapping("/escalations")
    String queue(Model model) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.SUPERVISOR)) {
            return "redirect:/";
        }
        model.addAttribute("items", escalations.queue(me, null, null, 0, 200).getContent());
        return "ui/escalations";
    }

    @PostMapping("/escalations/{id}/{step}")
    @OnRefusal("/escalations")
    String step(@PathVariable long id, @PathVariable String step, @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        if ("resolve".equals(step)) {
            escalations.resolve(id, note, currentUsers.current());
        }
        else {
            escalations.acknowledge(id, currentUsers.current());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/escalations";
    }
}

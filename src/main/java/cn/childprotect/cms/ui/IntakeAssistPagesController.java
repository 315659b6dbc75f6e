package cn.childprotect.cms.ui;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import cn.childprotect.cms.intake.ChildHistory;
import cn.childprotect.cms.intake.ChildSearch;
import cn.childprotect.cms.intake.InvolvementHistory;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What the intake form shows while the child's details are typed (static/js/intake-assist.js,
 * docs/domain.md §3.3, §3.5, §8): children already on record by that name (pinyin and initials too) and
 * birth year, each with the counts of its family's history, masked as the search masks them.
 */
@Controller
class IntakeAssistPagesController {

    static final int SHOWN = 5;

    private final ChildSearch search;
    private final InvolvementHistory history;
    private final CurrentUsers currentUsers;

    IntakeAssistPagesController(ChildSearch search, InvolvementHistory history, CurrentUsers currentUsers) {
        this.search = search;
        this.history = history;
        this.currentUsers = currentUsers;
    }

    record Similar(ChildSearch.Found child, ChildHistory.Counts counts, String summary) {
    }

    @GetMapping("/reports/new/similar")
    String similar(@RequestParam(required = false) String name, @RequestParam(required = false) String birthDate,
            Model model) {
        CurrentUser me = currentUsers.current();
        List<Similar> found = new ArrayList<>();
        if (name != null && name.strip().length() >= 2) {
            try {
                Integer year = birthDate == null || birthDate.isBlank() ? null : LocalDate.parse(birthDate).getYear();
                for (ChildSearch.Found child : search.search(name, year, null, 0, SHOWN, me).items()) {
                    ChildHistory h = history.forChild(child.childId(), me);
                    found.add(new Similar(child, h.counts(), h.summary()));
                }
            }
            catch (Refusal | DateTimeParseException notForThisInput) {
                found.clear();
            }
        }
        model.addAttribute("similar", found);
        return "fragments/intake-similar :: list";
    }
}

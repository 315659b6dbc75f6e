package cn.childprotect.cms.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.jurisdictions.Division;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserChange;
import cn.childprotect.cms.users.UserDirectory;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The administrator: accounts and agencies (no case content). */
@Controller
class AdminPagesController {

    private final UserDirectory users;
    private final AgencyDirectory agencies;
    private final CurrentUsers currentUsers;
    private final Jurisdictions jurisdictions;
    private final org.springframework.context.MessageSource messages;

    AdminPagesController(UserDirectory users, AgencyDirectory agencies, CurrentUsers currentUsers,
            Jurisdictions jurisdictions, org.springframework.context.MessageSource messages) {
        this.jurisdictions = jurisdictions;
        this.messages = messages;
        this.users = users;
        this.agencies = agencies;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/admin")
    String admin(Model model) {
        if (!currentUsers.current().is(Role.ADMIN)) {
            return "redirect:/";
        }
        model.addAttribute("users", users.all());
        List<DivisionOption> divisions = divisionOptions(currentUsers.current());
        Map<String, String> divisionLabels = new HashMap<>();
        divisions.forEach(d -> divisionLabels.put(d.code(), d.label()));
        model.addAttribute("divisions", divisions);
        model.addAttribute("divisionLabels", divisionLabels);
        model.addAttribute("agencies", agencies.all());
        // a person never holds the 12345 exchange role: it is a machine account's (coop, issue 16)
        model.addAttribute("roles", java.util.Arrays.stream(Role.values()).filter(r -> r != Role.EXCHANGE_12345).toList());
        model.addAttribute("institutionTypes", InstitutionType.values());
        model.addAttribute("agencyTypes", cn.childprotect.cms.agencies.AgencyType.values());
        model.addAttribute("passwordRules", users.passwordRules());
        return "ui/admin";
    }

    @PostMapping("/admin/users")
    @OnRefusal("/admin")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            @RequestParam Role role, @RequestParam String jurisdictionCode,
            @RequestParam(required = false) InstitutionType institutionType,
            @RequestParam(required = false) String institutionName, @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false) String email, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        users.create(new NewUser(username.strip(), displayName.strip(), password, role, jurisdictionCode.strip(),
                institutionType, Texts.blankToNull(institutionName), Texts.blankToNull(agencyCode), Texts.blankToNull(email)), me.username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin";
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return change(username, new UserChange(null, null, null, null, null, null, null, enabled, null,
                enabled ? true : null), redirect);
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return change(username, new UserChange(null, null, null, null, null, null, null, null, null, true), redirect);
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam String password, RedirectAttributes redirect) {
        return change(username, new UserChange(null, null, null, null, null, null, null, null, password, null),
                redirect);
    }

    /** Role and jurisdiction (and, for the roles that need one, the institution or agency). */
    @PostMapping("/admin/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam Role role, @RequestParam String jurisdictionCode,
            @RequestParam(required = false) InstitutionType institutionType,
            @RequestParam(required = false) String institutionName, @RequestParam(required = false) String agencyCode,
            RedirectAttributes redirect) {
        return change(username, new UserChange(null, role, jurisdictionCode.strip(), institutionType,
                Texts.blankToNull(institutionName), Texts.blankToNull(agencyCode), null, null, null, null), redirect);
    }

    /** The name people see for the account everywhere, and its mail address (empty: none). */
    @PostMapping("/admin/users/{username}/profile")
    String changeProfile(@PathVariable String username, @RequestParam String displayName,
            @RequestParam(required = false) String email, RedirectAttributes redirect) {
        return change(username, new UserChange(displayName, null, null, null, null, null, email == null ? "" : email,
                null, null, null), redirect);
    }

    /** One change of an account; a refusal is shown at the top of the page and in the account's row. */
    private String change(String username, UserChange change, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        try {
            users.update(username, change, me.username());
            redirect.addFlashAttribute("saved", true);
        }
        catch (Refusal problem) {
            // the refusal is also shown in the account's row: its own catch
            redirect.addFlashAttribute("pageError", FormRefusals.message(problem, messages));
            redirect.addFlashAttribute("errorUser", username);
        }
        return "redirect:/admin";
    }

    /** The jurisdiction picker: every division of the admin's county by name, its path shown, in tree order. */
    private List<DivisionOption> divisionOptions(CurrentUser me) {
        List<Division> all = jurisdictions.within(me.scope());
        Map<String, String> names = new HashMap<>();
        all.forEach(d -> names.put(d.code(), d.name()));
        return all.stream().map(d -> {
            String label = switch (d.level()) {
                case COUNTY -> d.name();
                case TOWNSHIP -> names.getOrDefault(JurisdictionCodes.countyOf(d.code()), "") + " / " + d.name();
                case VILLAGE -> names.getOrDefault(JurisdictionCodes.countyOf(d.code()), "") + " / "
                        + names.getOrDefault(JurisdictionCodes.townshipOf(d.code()), "") + " / " + d.name();
            };
            return new DivisionOption(d.code(), label, d.level());
        }).toList();
    }

    record DivisionOption(String code, String label, DivisionLevel level) {
    }

    @PostMapping("/admin/agencies")
    @OnRefusal("/admin")
    String saveAgency(@RequestParam String code, @RequestParam cn.childprotect.cms.agencies.AgencyType type,
            @RequestParam String name, @RequestParam String jurisdictionCode,
            @RequestParam(required = false) String notificationEmail, @RequestParam(defaultValue = "false") boolean active,
            @RequestParam(defaultValue = "false") boolean existing, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        var data = new AgencyDirectory.AgencyData(code.strip(), type, name.strip(), jurisdictionCode.strip(),
                Texts.blankToNull(notificationEmail), active);
        if (existing) {
            agencies.update(code.strip(), data, me.username());
        }
        else {
            agencies.create(data, me.username());
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin";
    }

}

package cn.childprotect.cms.ui;

import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.shared.ApiProblem;
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

    AdminPagesController(UserDirectory users, AgencyDirectory agencies, CurrentUsers currentUsers) {
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
        model.addAttribute("agencies", agencies.all());
        model.addAttribute("roles", Role.values());
        model.addAttribute("institutionTypes", InstitutionType.values());
        model.addAttribute("agencyTypes", cn.childprotect.cms.agencies.AgencyType.values());
        model.addAttribute("passwordRules", users.passwordRules());
        return "ui/admin";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam String password,
            @RequestParam Role role, @RequestParam String jurisdictionCode,
            @RequestParam(required = false) InstitutionType institutionType,
            @RequestParam(required = false) String institutionName, @RequestParam(required = false) String agencyCode,
            @RequestParam(required = false) String email, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        try {
            users.create(new NewUser(username.strip(), displayName.strip(), password, role, jurisdictionCode.strip(),
                    institutionType, Texts.blankToNull(institutionName), Texts.blankToNull(agencyCode), Texts.blankToNull(email)), me.username());
            redirect.addFlashAttribute("saved", true);
        }
        catch (ApiProblem problem) {
            redirect.addFlashAttribute("pageError", problem.getMessage());
        }
        return "redirect:/admin";
    }

    @PostMapping("/admin/users/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        users.update(username, new UserChange(null, null, null, null, null, null, null, enabled, null, enabled ? true : null),
                me.username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin";
    }

    @PostMapping("/admin/agencies")
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
        try {
            if (existing) {
                agencies.update(code.strip(), data, me.username());
            }
            else {
                agencies.create(data, me.username());
            }
            redirect.addFlashAttribute("saved", true);
        }
        catch (ApiProblem problem) {
            redirect.addFlashAttribute("pageError", problem.getMessage());
        }
        return "redirect:/admin";
    }

}

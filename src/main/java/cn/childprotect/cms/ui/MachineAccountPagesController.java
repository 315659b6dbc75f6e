package cn.childprotect.cms.ui;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.IssuedApiKey;
import cn.childprotect.cms.users.MachineAccounts;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;

import org.springframework.http.CacheControl;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The administrator's page for machine accounts (school portals, the 12345 exchange) and their
 * API keys. A new key is rendered in the answer to the POST itself, never put in the session
 * (which lives in the database) nor shown again.
 */
@Controller
class MachineAccountPagesController {

    private final MachineAccounts machines;
    private final CurrentUsers currentUsers;
    private final org.springframework.context.MessageSource messages;

    MachineAccountPagesController(MachineAccounts machines, CurrentUsers currentUsers,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.machines = machines;
        this.currentUsers = currentUsers;
    }

    @GetMapping("/admin/machine-accounts")
    String page(Model model) {
        if (!currentUsers.current().is(Role.ADMIN)) {
            return "redirect:/";
        }
        return show(model);
    }

    @PostMapping("/admin/machine-accounts")
    String create(@RequestParam String username, @RequestParam String displayName, @RequestParam Role role,
            @RequestParam String jurisdictionCode, @RequestParam(required = false) InstitutionType institutionType,
            @RequestParam(required = false) String institutionName, @RequestParam(required = false) String keyLabel,
            Model model, HttpServletResponse response) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        try {
            IssuedApiKey issued = machines.create(new NewUser(username.strip(), displayName.strip(), null, role,
                    jurisdictionCode.strip(), institutionType, Texts.blankToNull(institutionName), null, null),
                    Texts.blankToNull(keyLabel), me.username());
            return showKey(model, response, issued);
        }
        catch (Refusal problem) {
            // the form is shown again: its own catch
            model.addAttribute("pageError", FormRefusals.message(problem, messages));
            return show(model);
        }
    }

    @PostMapping("/admin/machine-accounts/{username}/api-keys")
    String issue(@PathVariable String username, @RequestParam(required = false) String label, Model model,
            HttpServletResponse response) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        return showKey(model, response, machines.issueKey(username, Texts.blankToNull(label), me.username()));
    }

    @PostMapping("/admin/machine-accounts/{username}/api-keys/{id}/revoke")
    String revoke(@PathVariable String username, @PathVariable long id, RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        if (!me.is(Role.ADMIN)) {
            return "redirect:/";
        }
        machines.revoke(username, id, me.username());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/admin/machine-accounts";
    }

    private String showKey(Model model, HttpServletResponse response, IssuedApiKey issued) {
        response.setHeader("Cache-Control", CacheControl.noStore().getHeaderValue());
        model.addAttribute("newKey", issued);
        return show(model);
    }

    private String show(Model model) {
        model.addAttribute("machines", machines.all());
        model.addAttribute("roles", MachineAccounts.MACHINE_ROLES);
        model.addAttribute("institutionTypes", InstitutionType.values());
        return "ui/machine-accounts";
    }
}

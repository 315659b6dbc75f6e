package cn.childprotect.cms.users.web;

import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The browser's entry points: the login form and the landing page after login. */
@Controller
class HomePageController {

    private final CurrentUsers currentUsers;
    private final Jurisdictions jurisdictions;

    HomePageController(CurrentUsers currentUsers, Jurisdictions jurisdictions) {
        this.currentUsers = currentUsers;
        this.jurisdictions = jurisdictions;
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home(Model model) {
        CurrentUser me = currentUsers.current();
        model.addAttribute("me", me);
        model.addAttribute("jurisdictionName", jurisdictions.nameOf(me.jurisdictionCode()));
        return "home";
    }
}

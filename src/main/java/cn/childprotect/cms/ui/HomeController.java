package cn.childprotect.cms.ui;

import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Each role lands on the page of its job. */
@Controller
class HomeController {

    private final CurrentUsers currentUsers;

    HomeController(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @GetMapping("/")
    String home() {
        return switch (currentUsers.current().role()) {
            case REPORTER -> "redirect:/reports/new";
            case HOTLINE_OPERATOR -> "redirect:/intake";
            case CHILD_DIRECTOR -> "redirect:/cases?mine=true";
            case SUPERVISOR -> "redirect:/dashboard";
            case AGENCY_STAFF -> "redirect:/work-orders";
            case ADMIN -> "redirect:/admin";
            case EXCHANGE_12345 -> "redirect:/login";
        };
    }

    @GetMapping("/login")
    String login() {
        return "login";
    }
}

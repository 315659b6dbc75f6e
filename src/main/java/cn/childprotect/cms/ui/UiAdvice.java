package cn.childprotect.cms.ui;

import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model, for the header and the role's navigation. */
@ControllerAdvice(basePackageClasses = UiAdvice.class)
class UiAdvice {

    private final CurrentUsers currentUsers;

    UiAdvice(CurrentUsers currentUsers) {
        this.currentUsers = currentUsers;
    }

    @ModelAttribute("me")
    CurrentUser me() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || "anonymousUser".equals(authentication.getName())) {
            return null;
        }
        return currentUsers.current();
    }
}

package cn.childprotect.cms.users.web;

import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MeController {

    private final CurrentUsers currentUsers;
    private final Jurisdictions jurisdictions;

    MeController(CurrentUsers currentUsers, Jurisdictions jurisdictions) {
        this.currentUsers = currentUsers;
        this.jurisdictions = jurisdictions;
    }

    record MeResponse(String username, String displayName, String role, String roleName, String jurisdictionCode,
            String jurisdictionName, String institutionType, String institutionName, String agencyCode) {
    }

    @GetMapping("/api/v1/me")
    MeResponse me() {
        CurrentUser me = currentUsers.current();
        return new MeResponse(me.username(), me.displayName(), me.role().name(), me.role().label(),
                me.jurisdictionCode(), jurisdictions.nameOf(me.jurisdictionCode()),
                me.institutionType() == null ? null : me.institutionType().name(), me.institutionName(),
                me.agencyCode());
    }
}

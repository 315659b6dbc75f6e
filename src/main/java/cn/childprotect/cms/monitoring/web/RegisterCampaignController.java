package cn.childprotect.cms.monitoring.web;

import java.time.LocalDate;
import java.util.List;

import cn.childprotect.cms.monitoring.RegisterCampaigns;
import cn.childprotect.cms.monitoring.RegisterViews;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Key-period sweeps (重点时段排查) of the register. */
@RestController
class RegisterCampaignController {

    private final RegisterCampaigns campaigns;
    private final CurrentUsers currentUsers;

    RegisterCampaignController(RegisterCampaigns campaigns, CurrentUsers currentUsers) {
        this.campaigns = campaigns;
        this.currentUsers = currentUsers;
    }

    record CampaignRequest(@Size(max = 100) String name, @Size(max = 12) String scopeCode,
            @Size(max = 10) List<@Size(max = 40) String> categories, LocalDate startsOn, LocalDate endsOn) {
    }

    @PostMapping("/api/v1/register-campaigns")
    @ResponseStatus(HttpStatus.CREATED)
    RegisterViews.CampaignView open(@Valid @RequestBody CampaignRequest request) {
        return campaigns.open(new RegisterViews.NewCampaign(request.name(), request.scopeCode(), request.categories(),
                request.startsOn(), request.endsOn()), currentUsers.current());
    }

    @GetMapping("/api/v1/register-campaigns")
    List<RegisterViews.CampaignView> list() {
        return campaigns.list(currentUsers.current());
    }

    @GetMapping("/api/v1/register-campaigns/{id}/progress")
    List<RegisterViews.VillageProgress> progress(@PathVariable long id) {
        return campaigns.progress(id, currentUsers.current());
    }
}

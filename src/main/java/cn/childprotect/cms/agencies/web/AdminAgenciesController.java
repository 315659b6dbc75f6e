package cn.childprotect.cms.agencies.web;

import java.util.List;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.agencies.AgencySummary;
import cn.childprotect.cms.agencies.AgencyType;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.security.Principal;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** ADMIN manages the agency directory (URL rule: /api/v1/admin/** needs ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/agencies")
class AdminAgenciesController {

    private final AgencyDirectory directory;

    AdminAgenciesController(AgencyDirectory directory) {
        this.directory = directory;
    }

    record AgencyRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "{cms.validation.agency-code}") String code,
            @NotNull AgencyType type,
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "{cms.validation.division-code}") String jurisdictionCode,
            @Email @Size(max = 200) String notificationEmail,
            Boolean active) {

        AgencyDirectory.AgencyData toData(String codeOverride) {
            return new AgencyDirectory.AgencyData(codeOverride, type, name, jurisdictionCode, notificationEmail,
                    active == null || active);
        }
    }

    @GetMapping
    List<AgencySummary> list() {
        return directory.all();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AgencySummary create(@Valid @RequestBody AgencyRequest request, Principal principal) {
        return directory.create(request.toData(request.code()), principal.getName());
    }

    @PutMapping("/{code}")
    AgencySummary update(@PathVariable String code, @Valid @RequestBody AgencyRequest request, Principal principal) {
        return directory.update(code, request.toData(code), principal.getName());
    }
}

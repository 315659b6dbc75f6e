package cn.childprotect.cms.users.web;

import java.security.Principal;
import java.util.List;

import cn.childprotect.cms.users.ApiKeySummary;
import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.IssuedApiKey;
import cn.childprotect.cms.users.MachineAccounts;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * ADMIN creates machine accounts (school portals, the 12345 exchange) and their API keys
 * (URL rule: /api/v1/admin/** needs ADMIN). A key is in the response of its creation only.
 */
@RestController
@RequestMapping("/api/v1/admin/machine-accounts")
class AdminMachineAccountsController {

    private final MachineAccounts machines;

    AdminMachineAccountsController(MachineAccounts machines) {
        this.machines = machines;
    }

    record CreateMachineAccountRequest(
            @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{cms.validation.username}") String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotNull Role role,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "{cms.validation.division-code}") String jurisdictionCode,
            InstitutionType institutionType,
            @Size(max = 100) String institutionName,
            @Email @Size(max = 200) String email,
            @Size(max = 100) String keyLabel) {
    }

    record NewKeyRequest(@Size(max = 100) String label) {
    }

    @PostMapping
    ResponseEntity<IssuedApiKey> create(@Valid @RequestBody CreateMachineAccountRequest request, Principal principal) {
        IssuedApiKey issued = machines.create(new NewUser(request.username(), request.displayName(), null,
                request.role(), request.jurisdictionCode(), request.institutionType(), request.institutionName(), null,
                request.email()), request.keyLabel(), principal.getName());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{username}/api-keys")
                .buildAndExpand(request.username()).toUri();
        return ResponseEntity.created(location).cacheControl(CacheControl.noStore()).body(issued);
    }

    @GetMapping("/{username}/api-keys")
    List<ApiKeySummary> keys(@PathVariable String username) {
        return machines.keysOf(username);
    }

    @PostMapping("/{username}/api-keys")
    ResponseEntity<IssuedApiKey> issue(@PathVariable String username,
            @Valid @RequestBody(required = false) NewKeyRequest request, Principal principal) {
        IssuedApiKey issued = machines.issueKey(username, request == null ? null : request.label(), principal.getName());
        return ResponseEntity.status(201).cacheControl(CacheControl.noStore()).body(issued);
    }

    @DeleteMapping("/{username}/api-keys/{id}")
    ApiKeySummary revoke(@PathVariable String username, @PathVariable long id, Principal principal) {
        return machines.revoke(username, id, principal.getName());
    }
}

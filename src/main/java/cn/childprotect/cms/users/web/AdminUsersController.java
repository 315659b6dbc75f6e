package cn.childprotect.cms.users.web;

import java.security.Principal;
import java.util.List;

import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserChange;
import cn.childprotect.cms.users.UserDirectory;
import cn.childprotect.cms.users.UserSummary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** ADMIN creates, disables and re-roles accounts (URL rule: /api/v1/admin/** needs ADMIN). */
@RestController
@RequestMapping("/api/v1/admin/users")
class AdminUsersController {

    private final UserDirectory users;

    AdminUsersController(UserDirectory users) {
        this.users = users;
    }

    record CreateUserRequest(
            @NotBlank @Size(min = 3, max = 50) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "{cms.validation.username}") String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Size(max = 100) String password,
            @NotNull Role role,
            @NotBlank @Pattern(regexp = "\\d{12}", message = "{cms.validation.division-code}") String jurisdictionCode,
            InstitutionType institutionType,
            @Size(max = 100) String institutionName,
            @Size(max = 40) String agencyCode,
            @Email @Size(max = 200) String email) {
    }

    record UpdateUserRequest(
            @Size(min = 1, max = 100) String displayName,
            Role role,
            @Pattern(regexp = "\\d{12}", message = "{cms.validation.division-code}") String jurisdictionCode,
            InstitutionType institutionType,
            @Size(max = 100) String institutionName,
            @Size(max = 40) String agencyCode,
            @Email @Size(max = 200) String email,
            Boolean enabled,
            @Size(max = 100) String password,
            Boolean unlock) {
    }

    @GetMapping
    List<UserSummary> list() {
        return users.all();
    }

    @PostMapping
    ResponseEntity<UserSummary> create(@Valid @RequestBody CreateUserRequest request, Principal principal) {
        UserSummary created = users.create(new NewUser(request.username(), request.displayName(), request.password(),
                request.role(), request.jurisdictionCode(), request.institutionType(), request.institutionName(),
                request.agencyCode(), request.email()), principal.getName());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{username}")
                .buildAndExpand(created.username()).toUri();
        return ResponseEntity.created(location).body(created);
    }

    @GetMapping("/{username}")
    UserSummary get(@PathVariable String username) {
        return users.find(username).orElseThrow(() -> cn.childprotect.cms.shared.Refusal.notFound("users.not-found", username));
    }

    @PatchMapping("/{username}")
    UserSummary update(@PathVariable String username, @Valid @RequestBody UpdateUserRequest request,
            Principal principal) {
        return users.update(username, new UserChange(request.displayName(), request.role(), request.jurisdictionCode(),
                request.institutionType(), request.institutionName(), request.agencyCode(), request.email(),
                request.enabled(), request.password(), request.unlock()), principal.getName());
    }
}

package cn.childprotect.cms.users.web;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.web.ApiProblem;
import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.web.ProblemFactory;
import cn.childprotect.cms.users.ApiTokens;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /api/v1/auth/token}: username and password in, a short-lived bearer token out.
 * Send it as {@code Authorization: Bearer <token>}; get a new one when it expires.
 */
@RestController
class TokenController {

    private final ApiTokens tokens;
    private final ProblemFactory problems;

    TokenController(ApiTokens tokens, ProblemFactory problems) {
        this.tokens = tokens;
        this.problems = problems;
    }

    record TokenRequest(@NotBlank @Size(max = 50) String username, @NotBlank @Size(max = 100) String password) {
    }

    record TokenResponse(@JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
    }

    @PostMapping("/api/v1/auth/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody TokenRequest request) {
        try {
            ApiTokens.IssuedToken issued = tokens.issue(request.username(), request.password());
            return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                    .body(new TokenResponse(issued.accessToken(), issued.tokenType(), issued.expiresIn()));
        }
        catch (LockedException locked) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemTypes.ACCOUNT_LOCKED,
                    problems.message("problem.account-locked.detail"));
        }
        catch (AuthenticationException failed) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHORIZED,
                    problems.message("problem.unauthorized.detail"));
        }
    }
}

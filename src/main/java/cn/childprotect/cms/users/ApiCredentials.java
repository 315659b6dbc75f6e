package cn.childprotect.cms.users;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Turns a verified bearer token or an API key into the same principal a password login gives,
 * so that {@link CurrentUsers} and every facade see one kind of caller. A token whose account
 * is disabled or locked, or whose security stamp is no longer the account's, is refused.
 */
@Component
class ApiCredentials {

    static final String API_KEY_HEADER = "X-API-Key";

    private final CredentialStatus status;
    private final MachineAccounts machines;

    ApiCredentials(CredentialStatus status, MachineAccounts machines) {
        this.status = status;
        this.machines = machines;
    }

    AbstractAuthenticationToken fromJwt(Jwt jwt) {
        Object stamp = jwt.getClaim(BearerTokens.STAMP_CLAIM);
        CredentialStatus.Snapshot account = status.usable(jwt.getSubject())
                .filter(a -> stamp instanceof Number n && n.longValue() == a.securityStamp())
                .orElseThrow(() -> new InvalidBearerTokenException("token revoked"));
        return authenticated(account, "bearer");
    }

    /** Authenticates {@code X-API-Key} requests; any other request passes through untouched. */
    OncePerRequestFilter apiKeyFilter(AuthenticationEntryPoint entryPoint) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String key = request.getHeader(API_KEY_HEADER);
                if (key == null) {
                    chain.doFilter(request, response);
                    return;
                }
                var account = machines.authenticate(key.strip());
                if (account.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    entryPoint.commence(request, response, new BadCredentialsException("invalid API key"));
                    return;
                }
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authenticated(account.get(), "api-key"));
                SecurityContextHolder.setContext(context);
                chain.doFilter(request, response);
            }
        };
    }

    private static AbstractAuthenticationToken authenticated(CredentialStatus.Snapshot account, String via) {
        CmsUserDetails details = new CmsUserDetails(account.user(), null, true, true, false);
        var token = UsernamePasswordAuthenticationToken.authenticated(details, null, details.getAuthorities());
        token.setDetails(via);
        return token;
    }
}

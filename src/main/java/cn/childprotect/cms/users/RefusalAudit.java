package cn.childprotect.cms.users;

import java.io.IOException;

import cn.childprotect.cms.shared.AuditEvent;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Audits every refusal — 401, 403 and 404 (a resource outside the caller's scope answers 404) —
 * with the caller, the request line and (through the audit log) the client address. Sits in the
 * security chains right after the security context is loaded, so it sees the refusals of the
 * security filters as well as those of the controllers, and writes after the request's own
 * transaction has ended (a refused request rolls back, its audit row must not).
 */
class RefusalAudit extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RefusalAudit.class);

    private final ApplicationEventPublisher events;

    RefusalAudit(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/img/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        finally {
            int status = response.getStatus();
            if (status == 401 || status == 403 || status == 404) {
                audit(request, status);
            }
        }
    }

    private void audit(HttpServletRequest request, int status) {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String actor = caller == null || caller instanceof AnonymousAuthenticationToken || caller.getName() == null
                ? "anonymous" : caller.getName();
        String line = request.getMethod() + " " + request.getRequestURI();
        String action = switch (status) {
            case 401 -> "REFUSED_UNAUTHENTICATED";
            case 403 -> "REFUSED_FORBIDDEN";
            default -> "REFUSED_NOT_FOUND";
        };
        try {
            events.publishEvent(new AuditEvent(actor.length() > 50 ? actor.substring(0, 50) : actor, action,
                    "REQUEST", null, "DENIED", status + " " + line));
        }
        catch (RuntimeException e) {
            // the refusal has been answered; a failed audit write must not turn it into a 500
            log.error("could not audit a refusal ({} {})", status, line, e);
        }
    }
}

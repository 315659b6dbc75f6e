package cn.childprotect.cms.shared.web;

import java.io.IOException;

import cn.childprotect.cms.shared.TransientDatabaseFailures;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A transient database failure outside a controller (loading the browser session, saving it,
 * a security filter) would reach the container as a 500: answer 503 with Retry-After instead,
 * problem+json under /api/**. Runs outside the session and security filters.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class TransientFailureFilter extends OncePerRequestFilter {

    private final ServiceUnavailable unavailable;

    TransientFailureFilter(ServiceUnavailable unavailable) {
        this.unavailable = unavailable;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        }
        catch (ServletException | IOException | RuntimeException failure) {
            if (!TransientDatabaseFailures.isTransient(failure) || response.isCommitted()) {
                throw failure;
            }
            response.resetBuffer();
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                unavailable.write(request, response, failure);
            }
            else {
                unavailable.markPage(response, failure); // status and Retry-After; the error page follows
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            }
        }
    }
}

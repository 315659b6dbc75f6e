package cn.childprotect.cms.shared.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failures that never reach a controller (Spring Security's firewall refusing {@code ;} or an
 * encoded dot segment, an exception escaping a filter, a {@code sendError}) are forwarded by
 * the container to {@code /error}, where Boot would answer with its own JSON. For a request
 * under {@code /api/**} this filter answers the error dispatch with a problem instead; the
 * browser pages keep their HTML error page.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ApiErrorDispatchFilter extends OncePerRequestFilter {

    private final ProblemWriter writer;

    ApiErrorDispatchFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getDispatcherType() != DispatcherType.ERROR
                || !(request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri)
                || !uri.startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (response.isCommitted()) {
            return;
        }
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code : 500;
        String type = ProblemFactory.typeFor(HttpStatusCode.valueOf(status));
        String detail = status == 400 ? "problem.invalid-request.detail" : "problem." + type + ".detail";
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(writer.render(request, status, type, detail));
    }
}

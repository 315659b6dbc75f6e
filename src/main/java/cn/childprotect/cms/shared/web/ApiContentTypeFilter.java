package cn.childprotect.cms.shared.web;

import java.io.IOException;
import java.util.Set;

import cn.childprotect.cms.shared.ProblemTypes;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body under {@code /api/**} must say what it is: a wildcard ({@code application/*},
 * {@code *}{@code /*}, {@code application/*+json}) or unreadable {@code Content-Type} is a 415
 * problem here, before Spring MVC, which would otherwise fail on it with a 500.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 11)
class ApiContentTypeFilter extends OncePerRequestFilter {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    private final ProblemWriter writer;

    ApiContentTypeFilter(ProblemWriter writer) {
        this.writer = writer;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WITH_BODY.contains(request.getMethod())
                || !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Content-Type");
        if (header != null && !isConcrete(header)) {
            writer.write(request, response, HttpStatus.UNSUPPORTED_MEDIA_TYPE, ProblemTypes.UNSUPPORTED_MEDIA_TYPE,
                    "problem.unsupported-media-type.detail");
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isConcrete(String header) {
        try {
            MediaType type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        }
        catch (InvalidMediaTypeException unreadable) {
            return false;
        }
    }
}

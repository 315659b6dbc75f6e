package cn.childprotect.cms.ui;

import java.util.Map;
import java.util.UUID;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.web.RefusalStatus;
import cn.childprotect.cms.shared.TransientDatabaseFailures;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * A failure while serving a page (an unknown address, a refused one, a bug) shows the browser the
 * HTML error page ({@code templates/error.html}, in the user's language) instead of problem+json.
 * Runs before the MVC resolvers; under {@code /api/**} (and actuator, OpenAPI) it steps aside, so
 * the API keeps its problem+json answers. Errors that never reach MVC (the security filters' 403)
 * go through Boot's {@code /error}, which renders the same template for browsers.
 */
@Component
class BrowserErrorPages implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(BrowserErrorPages.class);

    @Override
    public int getOrder() {
        // after Boot's DefaultErrorAttributes (HIGHEST_PRECEDENCE), before the MVC resolvers (0)
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
            Exception failure) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/actuator") || path.startsWith("/v3/api-docs")) {
            return null;
        }
        if (FormRefusals.answers(handler, failure)) {
            return null; // a refused form post: FormRefusals shows the refusal on the page it goes back to
        }
        if (TransientDatabaseFailures.isTransient(failure)) {
            return null; // a database blink is not an error: UnavailablePages says "try again" (503)
        }
        int status = statusOf(failure);
        String incident = null;
        if (status >= 500) {
            incident = UUID.randomUUID().toString();
            log.error("Unexpected error on page {}, incident {}", path, incident, failure);
        }
        ModelAndView page = new ModelAndView("error", Map.of("status", status, "path", path), HttpStatusCode.valueOf(status));
        if (incident != null) {
            page.addObject("incident", incident);
        }
        return page;
    }

    static int statusOf(Exception failure) {
        if (failure instanceof Refusal refusal) {
            return RefusalStatus.of(refusal).value();
        }
        if (failure instanceof ErrorResponse known) {
            return known.getStatusCode().value();
        }
        if (failure instanceof AccessDeniedException) {
            return 403;
        }
        if (failure instanceof AuthenticationException) {
            return 401;
        }
        if (failure instanceof TypeMismatchException || failure instanceof HttpMessageNotReadableException) {
            return 400;
        }
        ResponseStatus annotated = AnnotatedElementUtils.findMergedAnnotation(failure.getClass(), ResponseStatus.class);
        return annotated != null ? annotated.code().value() : 500;
    }
}

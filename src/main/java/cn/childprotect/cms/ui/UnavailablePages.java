package cn.childprotect.cms.ui;

import cn.childprotect.cms.shared.web.ServiceUnavailable;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page that could not be served because the database failed transiently says "try again"
 * (503, Retry-After) instead of an error. Ahead of the REST advice, for the browser pages only;
 * a form that was being sent is kept by its controller (see ReportPagesController).
 */
@ControllerAdvice(basePackageClasses = UiAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnavailablePages {

    private final ServiceUnavailable unavailable;
    private final CurrentUsers currentUsers;

    UnavailablePages(ServiceUnavailable unavailable, CurrentUsers currentUsers) {
        this.unavailable = unavailable;
        this.currentUsers = currentUsers;
    }

    @ExceptionHandler({ PessimisticLockingFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, RecoverableDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class })
    ModelAndView tryAgain(Exception failure, HttpServletRequest request, HttpServletResponse response) {
        unavailable.markPage(response, failure);
        ModelAndView page = new ModelAndView("ui/try-again");
        page.addObject("me", signedIn());
        // a page that was being read can simply be loaded again; after a POST, go back to where the user was
        page.addObject("retryUrl", "GET".equals(request.getMethod()) ? request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString()) : null);
        return page;
    }

    private Object signedIn() {
        try {
            return currentUsers.current();
        }
        catch (AuthenticationException notSignedIn) {
            return null;
        }
    }
}

package cn.childprotect.cms.notifications;

import java.lang.reflect.Method;

import cn.childprotect.cms.shared.RetryLater;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.interceptor.AsyncUncaughtExceptionHandler;
import org.springframework.aop.interceptor.SimpleAsyncUncaughtExceptionHandler;
import org.springframework.mail.MailException;
import org.springframework.scheduling.annotation.AsyncConfigurer;
import org.springframework.stereotype.Component;

/**
 * A mail that cannot be sent (no mail server, a refused address) is an expected, retried
 * condition: its listener throws so that the outbox keeps the publication and {@link OutboxRetry}
 * tries again. It is logged as one WARN line, not as an ERROR with a 50-line trace; so is a
 * {@link RetryLater} of any listener (a partner's endpoint down). Every other
 * failure of an asynchronous listener is still logged as an error with its trace.
 */
@Component
class MailFailureLogging implements AsyncConfigurer {

    private static final Logger log = LoggerFactory.getLogger(MailFailureLogging.class);

    private final AsyncUncaughtExceptionHandler others = new SimpleAsyncUncaughtExceptionHandler();

    @Override
    public AsyncUncaughtExceptionHandler getAsyncUncaughtExceptionHandler() {
        return this::handle;
    }

    void handle(Throwable failure, Method method, Object... params) {
        if (failure instanceof MailException) {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            log.warn("Mail not sent by {}.{} ({}: {}); kept in the outbox and retried later",
                    method.getDeclaringClass().getSimpleName(), method.getName(), root.getClass().getSimpleName(),
                    firstLine(root.getMessage()));
        }
        else if (failure instanceof RetryLater retried) {
            log.warn("{}.{}: {}; kept in the outbox and retried later", method.getDeclaringClass().getSimpleName(),
                    method.getName(), retried.getMessage());
        }
        else {
            others.handleUncaughtException(failure, method, params);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}

package cn.childprotect.cms.shared.web;

import java.io.IOException;

import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.TransientDatabaseFailures;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The answer to a transient database failure: 503 with {@code Retry-After}, so that a client
 * sends the same request again (a report with the same Idempotency-Key) instead of dropping it.
 */
@Component
public class ServiceUnavailable {

    private static final Logger log = LoggerFactory.getLogger(ServiceUnavailable.class);

    private final ProblemFactory problems;
    private final ProblemWriter writer;
    private final long retryAfterSeconds;

    ServiceUnavailable(ProblemFactory problems, ProblemWriter writer,
            WebLimitsProperties.Database database) {
        this.problems = problems;
        this.writer = writer;
        this.retryAfterSeconds = Math.max(1, database.retryAfter().toSeconds());
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** For Spring MVC handlers. */
    public ResponseEntity<ProblemDetail> response(Throwable failure) {
        logFailure(failure);
        ProblemDetail problem = problems.create(HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                problems.message("problem.service-unavailable.detail", retryAfterSeconds));
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds)).body(problem);
    }

    /** For servlet filters and security entry points, outside Spring MVC. */
    public void write(HttpServletRequest request, HttpServletResponse response, Throwable failure) throws IOException {
        logFailure(failure);
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
        writer.write(request, response, HttpStatus.SERVICE_UNAVAILABLE, ProblemTypes.SERVICE_UNAVAILABLE,
                "problem.service-unavailable.detail", retryAfterSeconds);
    }

    /** Sets the status and Retry-After of a browser page that asks to try again. */
    public void markPage(HttpServletResponse response, Throwable failure) {
        logFailure(failure);
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds));
    }

    private static void logFailure(Throwable failure) {
        log.warn("Transient database failure, answered 503: {}", TransientDatabaseFailures.rootMessage(failure));
    }
}

package cn.childprotect.cms.shared.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.TransientDatabaseFailures;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure of the REST API into {@code application/problem+json}: a stable type,
 * a Chinese title, a detail a person can act on, field errors for validation, and never a stack
 * trace or personal data.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemFactory problems;
    private final ServiceUnavailable unavailable;

    ApiExceptionHandler(ProblemFactory problems, ServiceUnavailable unavailable) {
        this.problems = problems;
        this.unavailable = unavailable;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> handleApiProblem(ApiProblem ex) {
        // the detail may be a message key (or a finished sentence, returned as it is)
        ProblemDetail problem = problems.create(ex.status(), ex.type(), problems.message(
                new DefaultMessageSourceResolvable(
                        new String[] {ex.getMessage()}, null, ex.getMessage())));
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(ex.status()).body(problem);
    }

    /** A domain refusal (docs/domain.md §4): its kind gives the status, its key and arguments the detail. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> handleRefusal(Refusal ex) {
        HttpStatus status = RefusalStatus.of(ex);
        ProblemDetail problem = problems.create(status, ex.type(), problems.message(ex));
        if (!ex.fieldErrors().isEmpty()) {
            problem.setProperty("errors", ex.fieldErrors().stream()
                    .map(e -> Map.of("field", e.field(), "message", problems.message(e))).toList());
        }
        ex.properties().forEach(problem::setProperty);
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleStaleVersion(OptimisticLockingFailureException ex) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.create(HttpStatus.CONFLICT,
                ProblemTypes.STALE_VERSION, problems.message("problem.stale-version.detail")));
    }

    /**
     * A transient database failure (lost connection, deadlock victim, lock wait timeout, failover,
     * no connection to be had): the work was rolled back; 503 with Retry-After (durability).
     */
    @ExceptionHandler({ PessimisticLockingFailureException.class, TransientDataAccessResourceException.class,
            QueryTimeoutException.class, RecoverableDataAccessException.class, DataAccessResourceFailureException.class,
            CannotCreateTransactionException.class })
    ResponseEntity<ProblemDetail> handleTransientDatabaseFailure(Exception ex) {
        return unavailable.response(ex);
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> handleIntegrity(DataIntegrityViolationException ex) {
        log.warn("Data integrity violation: {}", ex.getMostSpecificCause().getMessage());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(problems.create(HttpStatus.CONFLICT,
                ProblemTypes.CONFLICT, problems.message("problem.conflict.detail")));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> handleAccessDenied(AccessDeniedException ex) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problems.create(HttpStatus.FORBIDDEN,
                ProblemTypes.FORBIDDEN, problems.message("problem.forbidden.detail")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> handleConstraintViolation(ConstraintViolationException ex) {
        List<Map<String, String>> errors = ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage()))
                .toList();
        return validationProblem(errors);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> handleTypeMismatch(MethodArgumentTypeMismatchException ex) {
        return validationProblem(List.of(Map.of("field", ex.getName(),
                "message", problems.message("validation.type-mismatch"))));
    }

    /** A query string Tomcat cannot decode ({@code ?q=%zz}): the client's mistake, not ours. */
    @ExceptionHandler(org.apache.tomcat.util.http.InvalidParameterException.class)
    ResponseEntity<ProblemDetail> handleUndecodableParameter(org.apache.tomcat.util.http.InvalidParameterException ex) {
        return ResponseEntity.badRequest().body(problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST,
                problems.message("problem.invalid-request.detail")));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception ex) {
        if (TransientDatabaseFailures.isTransient(ex)) {
            return unavailable.response(ex);
        }
        String incident = UUID.randomUUID().toString();
        log.error("Unexpected error, incident {}", incident, ex);
        ProblemDetail problem = problems.create(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL,
                problems.message("problem.internal-error.detail"));
        problem.setProperty("incident", incident);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return new ResponseEntity<>(validationProblem(errors).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> errors.add(
                Map.of("field", String.valueOf(result.getMethodParameter().getParameterName()),
                        "message", String.valueOf(error.getDefaultMessage())))));
        return new ResponseEntity<>(validationProblem(errors).getBody(), HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = problems.message("problem.malformed-request.detail");
        ProblemDetail problem;
        if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
            problem = problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                    problems.message("validation.unknown-field", unknown.getPropertyName()));
            problem.setProperty("errors", List.of(Map.of("field", unknown.getPropertyName(),
                    "message", problems.message("validation.unknown-field", unknown.getPropertyName()))));
        }
        else {
            problem = problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_REQUEST, detail);
            // name the field (never its value: it may be personal data)
            if (ex.getCause() instanceof DatabindException bad && !bad.getPath().isEmpty()) {
                String field = bad.getPath().stream()
                        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("");
                problem.setProperty("errors", List.of(Map.of("field", field,
                        "message", problems.message("validation.type-mismatch"))));
            }
        }
        return new ResponseEntity<>(problem, HttpStatus.BAD_REQUEST);
    }

    /** Every other MVC failure (404, 405, 406, 415 ...) keeps its status but gets our type and title. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        String type = ProblemFactory.typeFor(statusCode);
        ProblemDetail problem = problems.create(statusCode, type,
                problems.message("problem." + type + ".detail"));
        return super.handleExceptionInternal(ex, problem, headers, statusCode, request);
    }

    private ResponseEntity<ProblemDetail> validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = problems.create(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION,
                problems.message("problem.validation.detail"));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}

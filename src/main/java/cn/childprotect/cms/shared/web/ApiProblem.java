package cn.childprotect.cms.shared.web;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.childprotect.cms.shared.ProblemTypes;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. Rendered as an RFC 9457 problem: {@code type} is stable
 * ({@link ProblemTypes}), {@code title} comes from the message bundle by that type, the detail
 * is written for a person (Chinese by default) and must never carry personal data.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, detail);
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, detail);
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, detail);
    }

    public static ApiProblem unprocessable(String type, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, detail);
    }

    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}

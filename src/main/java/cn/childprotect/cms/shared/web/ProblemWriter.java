package cn.childprotect.cms.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** Writes a problem outside Spring MVC: in security filters (401, 403) and the size-limit filter. */
@Component
public class ProblemWriter {

    private final ProblemFactory problems;
    private final JsonMapper json;

    ProblemWriter(ProblemFactory problems, JsonMapper json) {
        this.problems = problems;
        this.json = json;
    }

    /** Writes a problem whose detail is the message {@code detailCode} of the bundle. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
            String detailCode, Object... args) throws IOException {
        Locale locale = ProblemFactory.localeOf(request);
        ProblemDetail problem = problems.create(status, type, problems.message(locale, detailCode, args), locale);
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /**
     * The problem for a failure the servlet container or an error dispatch reports, in the
     * request's language; no {@code instance}: the raw path may be what was wrong with it.
     */
    String render(HttpServletRequest request, int status, String type, String detailCode) {
        Locale locale = ProblemFactory.localeOf(request);
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        return json.writeValueAsString(problems.create(code, type, problems.message(locale, detailCode), locale));
    }
}

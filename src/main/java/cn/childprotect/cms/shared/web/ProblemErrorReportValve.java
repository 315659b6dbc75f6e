package cn.childprotect.cms.shared.web;

import java.io.IOException;
import java.io.Writer;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;

/**
 * Tomcat refuses some requests before any filter or servlet sees them (a path with
 * {@code %00}, an encoded slash or backslash, {@code ..%2f}, a broken {@code %} escape) and
 * renders its own HTML page from the host's error report valve. This valve takes that place:
 * under {@code /api/} it writes a problem, elsewhere it keeps Tomcat's terse page (no report,
 * no server version).
 */
class ProblemErrorReportValve extends ErrorReportValve {

    private final ProblemWriter writer;

    ProblemErrorReportValve(ProblemWriter writer) {
        this.writer = writer;
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getRequestURI();
        if (uri == null || !uri.startsWith("/api/")) {
            super.report(request, response, throwable);
            return;
        }
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String type = ProblemFactory.typeFor(HttpStatusCode.valueOf(status));
        String detail = status == 400 ? "problem.invalid-request.detail" : "problem." + type + ".detail";
        try {
            String body = writer.render(request, status, type, detail);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer out = response.getReporter();
            if (out != null) {
                out.write(body);
                response.finishResponse();
            }
        }
        catch (IOException | IllegalStateException cannotWrite) {
            // the client is gone or the response was committed meanwhile: nothing left to tell it
        }
    }
}

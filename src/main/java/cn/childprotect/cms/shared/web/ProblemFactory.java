package cn.childprotect.cms.shared.web;

import java.util.Locale;

import cn.childprotect.cms.shared.ProblemTypes;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/** Builds problem details with a stable type and a title from the message bundle. */
@Component
public class ProblemFactory {

    private final MessageSource messages;

    ProblemFactory(MessageSource messages) {
        this.messages = messages;
    }

    public ProblemDetail create(HttpStatusCode status, String type, String detail) {
        return create(status, type, detail, LocaleContextHolder.getLocale());
    }

    ProblemDetail create(HttpStatusCode status, String type, String detail, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(ProblemTypes.uri(type));
        // a type without a title of its own gets its status's: never the raw code in front of a person
        problem.setTitle(messages.getMessage(new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[] { "problem." + type + ".title", "problem.status." + status.value() + ".title",
                        "problem.status.default.title" }, null, type), locale));
        return problem;
    }

    /** A refusal's or a field error's text in the request's language (a finished sentence stays as it is). */
    public String message(MessageSourceResolvable resolvable) {
        return messages.getMessage(resolvable, LocaleContextHolder.getLocale());
    }

    public String message(String code, Object... args) {
        return message(LocaleContextHolder.getLocale(), code, args);
    }

    String message(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, code, locale);
    }

    /**
     * Outside Spring MVC (security filters) no LocaleResolver has run: without an
     * Accept-Language header the servlet container would answer in the JVM's language, so
     * fall back to Chinese, as the MVC side does.
     */
    static Locale localeOf(HttpServletRequest request) {
        return request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : request.getLocale();
    }

    /** The default type of a status when nothing more specific is known. */
    public static String typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemTypes.MALFORMED_REQUEST;
            case 401 -> ProblemTypes.UNAUTHORIZED;
            case 403 -> ProblemTypes.FORBIDDEN;
            case 404 -> ProblemTypes.NOT_FOUND;
            case 405 -> ProblemTypes.METHOD_NOT_ALLOWED;
            case 406 -> ProblemTypes.NOT_ACCEPTABLE;
            case 409 -> ProblemTypes.CONFLICT;
            case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemTypes.UNSUPPORTED_MEDIA_TYPE;
            case 428 -> ProblemTypes.PRECONDITION_REQUIRED;
            default -> status.is5xxServerError() ? ProblemTypes.INTERNAL : ProblemTypes.MALFORMED_REQUEST;
        };
    }
}

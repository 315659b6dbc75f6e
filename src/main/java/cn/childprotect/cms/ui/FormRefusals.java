package cn.childprotect.cms.ui;

import java.time.DateTimeException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.shared.Refusal;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriTemplate;

/**
 * The one place where a refusal of a facade during a form post of the pages becomes what the user
 * reads (docs/domain.md §4, refusals): the refusal's message at the top of the page, its field
 * errors next to their fields, {@code stale} when someone else changed the record meanwhile, all
 * in the language of the request; then the browser goes back to the page the handler's
 * {@link OnRefusal} names. An input the form could not parse (a date) is told the same way.
 * Handlers without {@link OnRefusal} are left to {@link BrowserErrorPages} (the error page).
 * Ahead of the REST advice, for the browser pages only.
 */
@ControllerAdvice(basePackageClasses = UiAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class FormRefusals {

    private final MessageSource messages;

    FormRefusals(MessageSource messages) {
        this.messages = messages;
    }

    /** Whether this advice answers the failure of that handler (so that the error page steps aside). */
    static boolean answers(Object handler, Exception failure) {
        return handler instanceof HandlerMethod method && method.hasMethodAnnotation(OnRefusal.class)
                && (failure instanceof Refusal || isBadInput(failure));
    }

    @ExceptionHandler({ Refusal.class, DateTimeException.class, IllegalArgumentException.class })
    String refused(Exception failure, HandlerMethod handler, HttpServletRequest request) throws Exception {
        OnRefusal back = handler.getMethodAnnotation(OnRefusal.class);
        if (back == null) {
            throw failure;
        }
        FlashMap flash = RequestContextUtils.getOutputFlashMap(request);
        if (failure instanceof Refusal refusal) {
            flash.putAll(flashOf(refusal, messages));
        }
        else {
            flash.put("pageError", messages.getMessage("ui.form.bad-input", null, LocaleContextHolder.getLocale()));
        }
        return "redirect:" + target(back, request);
    }

    /**
     * What a refused form brings back: {@code pageError}, {@code fieldErrors} and {@code stale}. For
     * the few handlers that keep their own catch because they bring back more (what was typed).
     */
    static Map<String, Object> flashOf(Refusal refusal, MessageSource messages) {
        Map<String, Object> flash = new LinkedHashMap<>();
        flash.put("pageError", message(refusal, messages));
        flash.put("fieldErrors", byField(refusal, messages));
        flash.put("stale", ProblemTypes.STALE_VERSION.equals(refusal.type()));
        return flash;
    }

    /** The refusal's field errors by field, the first one of each field, in the request's language. */
    static Map<String, String> byField(Refusal refusal, MessageSource messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (refusal instanceof Refusal.InvalidInput invalid) {
            for (Refusal.FieldError error : invalid.errors()) {
                errors.putIfAbsent(error.field(), messages.getMessage(error, LocaleContextHolder.getLocale()));
            }
        }
        return errors;
    }

    /**
     * The sentence at the top of the page. Several wrong fields: the page's own wording (the
     * API's says "see errors", a field a person never sees); one: that field's sentence.
     */
    static String message(Refusal refusal, MessageSource messages) {
        if (refusal instanceof Refusal.InvalidInput invalid && invalid.errors().size() > 1) {
            return messages.getMessage("ui.form.fields-invalid", new Object[] { invalid.errors().size() },
                    LocaleContextHolder.getLocale());
        }
        return messages.getMessage(refusal, LocaleContextHolder.getLocale());
    }

    private static boolean isBadInput(Exception failure) {
        return failure instanceof DateTimeException || failure instanceof IllegalArgumentException;
    }

    /** The page to go back to; variables only from the request, encoded, so no form chooses a URL. */
    private static String target(OnRefusal back, HttpServletRequest request) {
        Map<String, String> variables = new HashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && values[0] != null && !values[0].isBlank()) {
                variables.put(name, values[0].strip());
            }
        });
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables = (Map<String, String>) request
                .getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (pathVariables != null) {
            variables.putAll(pathVariables);
        }
        UriTemplate template = new UriTemplate(back.value());
        boolean complete = template.getVariableNames().stream()
                .allMatch(name -> variables.containsKey(name) && variables.get(name).matches("[A-Za-z0-9._@-]{1,64}"));
        if (!complete) {
            return back.otherwise().isEmpty() ? "/" : back.otherwise();
        }
        return UriComponentsBuilder.fromPath(back.value()).buildAndExpand(variables).encode().toUriString();
    }
}

package cn.childprotect.cms.ui;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.childprotect.cms.shared.Refusal;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Turns a refusal of a facade into messages next to the fields they concern, and one for the
 * page, in the language of the request (a refusal carries message keys, docs/domain.md §4).
 */
final class FormErrors {

    private FormErrors() {
    }

    static Map<String, String> byField(Refusal problem, MessageSource messages) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (problem instanceof Refusal.InvalidInput invalid) {
            for (Refusal.FieldError error : invalid.errors()) {
                errors.putIfAbsent(error.field(), messages.getMessage(error, LocaleContextHolder.getLocale()));
            }
        }
        return errors;
    }

    static String message(Refusal problem, MessageSource messages) {
        return messages.getMessage(problem, LocaleContextHolder.getLocale());
    }
}

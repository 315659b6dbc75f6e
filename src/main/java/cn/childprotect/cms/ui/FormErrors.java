package cn.childprotect.cms.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.shared.ApiProblem;

/** Turns a refusal of a facade into messages next to the fields they concern, and one for the page. */
final class FormErrors {

    private FormErrors() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, String> byField(ApiProblem problem) {
        Map<String, String> errors = new LinkedHashMap<>();
        Object list = problem.properties().get("errors");
        if (list instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> error) {
                    errors.putIfAbsent(String.valueOf(error.get("field")), String.valueOf(error.get("message")));
                }
            }
        }
        return errors;
    }
}

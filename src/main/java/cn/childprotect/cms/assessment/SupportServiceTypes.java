package cn.childprotect.cms.assessment;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The kinds of service a support plan may hold, from {@code config/support-plan.yml}: the code is
 * the API's {@code type} of a service (stored in every plan and revision), the names are shown on
 * pages in their language. Checked at start, so a typo stops the service rather than a form.
 */
@ConfigurationProperties("cms.support-plan")
public record SupportServiceTypes(List<ServiceType> serviceTypes) {

    /** {@code nameEn}: the English, for pages in English; else the Chinese name. */
    public record ServiceType(String code, String name, String nameEn) {

        /** The name in the page's language. */
        public String name(Locale locale) {
            return locale != null && "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank()
                    ? nameEn : name;
        }
    }

    public SupportServiceTypes {
        if (serviceTypes == null || serviceTypes.isEmpty()) {
            throw new IllegalStateException("No support service types: config/support-plan.yml is missing or empty");
        }
        serviceTypes = List.copyOf(serviceTypes);
        Set<String> codes = new HashSet<>();
        for (ServiceType t : serviceTypes) {
            if (t.code() == null || t.code().isBlank() || t.name() == null || !codes.add(t.code())) {
                throw new IllegalStateException("config/support-plan.yml: every service type needs a unique code and a name: " + t);
            }
        }
    }

    /** The codes, in the configured order. */
    public List<String> codes() {
        return serviceTypes.stream().map(ServiceType::code).toList();
    }

    public boolean contains(String code) {
        return serviceTypes.stream().anyMatch(t -> t.code().equals(code));
    }

    /** The name of a code in this language; an unknown code (a plan from before a change) as it is. */
    public String nameOf(String code, Locale locale) {
        return serviceTypes.stream().filter(t -> t.code().equals(code)).findFirst().map(t -> t.name(locale)).orElse(code);
    }
}

package cn.childprotect.cms.monitoring;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The register's lists from {@code config/register.yml}: categories (with their sub-kinds and an
 * age limit, 留守 under 16), exit reasons and the living-conditions checklist of a visit. Checked
 * at start, so a typo stops the service rather than a form.
 */
@ConfigurationProperties("cms.register")
public record RegisterTaxonomy(List<Category> categories, List<Entry> subKinds, List<Entry> exitReasons,
        List<Entry> livingConditions) {

    /** {@code nameEn}: the English, for pages in English (as in config/taxonomy.yml); else the Chinese name. */
    public record Category(String code, String name, List<String> subKinds, Integer ageLimit, String nameEn) {
        public Category {
            subKinds = subKinds == null ? List.of() : List.copyOf(subKinds);
        }

        /** The name in the page's language. */
        public String name(Locale locale) {
            return inLanguage(locale, name, nameEn);
        }
    }

    public record Entry(String code, String name, String nameEn) {

        /** The name in the page's language. */
        public String name(Locale locale) {
            return inLanguage(locale, name, nameEn);
        }
    }

    private static String inLanguage(Locale locale, String chinese, String english) {
        return locale != null && "en".equals(locale.getLanguage()) && english != null && !english.isBlank() ? english
                : chinese;
    }

    public RegisterTaxonomy {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalStateException("No register categories: config/register.yml is missing or empty");
        }
        subKinds = subKinds == null ? List.of() : List.copyOf(subKinds);
        exitReasons = exitReasons == null || exitReasons.isEmpty() ? List.of(new Entry("OTHER", "OTHER", null))
                : List.copyOf(exitReasons);
        livingConditions = livingConditions == null ? List.of() : List.copyOf(livingConditions);
        Set<String> codes = new HashSet<>();
        for (Category c : categories) {
            if (c.code() == null || c.name() == null || !codes.add(c.code())) {
                throw new IllegalStateException("config/register.yml: every category needs a unique code and a name: " + c);
            }
            for (String kind : c.subKinds()) {
                if (subKinds.stream().noneMatch(k -> k.code().equals(kind))) {
                    throw new IllegalStateException("config/register.yml: unknown sub-kind " + kind + " of " + c.code());
                }
            }
        }
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean isSubKind(String code) {
        return subKinds.stream().anyMatch(k -> k.code().equals(code));
    }

    public boolean isExitReason(String code) {
        return exitReasons.stream().anyMatch(k -> k.code().equals(code));
    }

    public boolean isLivingCondition(String code) {
        return livingConditions.stream().anyMatch(k -> k.code().equals(code));
    }

    public String categoryName(String code) {
        return category(code).map(Category::name).orElse(code);
    }

    /** A category's name in the page's language. */
    public String categoryName(String code, Locale locale) {
        return category(code).map(c -> c.name(locale)).orElse(code);
    }
}

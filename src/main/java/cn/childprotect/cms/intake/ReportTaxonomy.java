package cn.childprotect.cms.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Report categories and institution types from {@code config/taxonomy.yml}; checked at start. */
@ConfigurationProperties("cms.taxonomy")
public record ReportTaxonomy(List<Category> categories, List<InstitutionTypeEntry> institutionTypes) {

    /** {@code nameEn}, {@code descriptionEn}: the English, when configured (like config/risk-instrument.yml). */
    public record Category(String code, String name, String description, boolean mandatoryReport,
            boolean defaultUrgent, boolean opensCase, String nameEn, String descriptionEn) {

        /** The name in the page's language: English when asked for and configured, else Chinese. */
        public String name(Locale locale) {
            return inLanguage(locale, name, nameEn);
        }

        public String description(Locale locale) {
            return inLanguage(locale, description, descriptionEn);
        }
    }

    public record InstitutionTypeEntry(String code, String name, String nameEn) {

        public String name(Locale locale) {
            return inLanguage(locale, name, nameEn);
        }
    }

    private static String inLanguage(Locale locale, String chinese, String english) {
        return locale != null && "en".equals(locale.getLanguage()) && english != null && !english.isBlank() ? english
                : chinese;
    }

    public ReportTaxonomy {
        if (categories == null || categories.isEmpty()) {
            throw new IllegalStateException("No report categories: config/taxonomy.yml is missing or empty");
        }
        Set<String> codes = new HashSet<>();
        for (Category c : categories) {
            if (c.code() == null || c.name() == null || !codes.add(c.code())) {
                throw new IllegalStateException("config/taxonomy.yml: every category needs a unique code and a name: " + c);
            }
        }
        categories = List.copyOf(categories);
        institutionTypes = institutionTypes == null ? List.of() : List.copyOf(institutionTypes);
    }

    public Optional<Category> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public boolean isMandatory(String code) {
        return category(code).map(Category::mandatoryReport).orElse(false);
    }

    public boolean opensCase(String code) {
        return category(code).map(Category::opensCase).orElse(true);
    }

    public String nameOf(String code) {
        return category(code).map(Category::name).orElse(code);
    }

    /** The category's name in the given language (the code itself for an unknown code). */
    public String nameOf(String code, Locale locale) {
        return category(code).map(c -> c.name(locale)).orElse(code);
    }
}

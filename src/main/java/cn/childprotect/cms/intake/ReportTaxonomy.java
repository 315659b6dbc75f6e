package cn.childprotect.cms.intake;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Report categories and institution types from {@code config/taxonomy.yml}; checked at start. */
@ConfigurationProperties("cms.taxonomy")
public record ReportTaxonomy(List<Category> categories, List<InstitutionTypeEntry> institutionTypes) {

    public record Category(String code, String name, String description, boolean mandatoryReport,
            boolean defaultUrgent, boolean opensCase) {
    }

    public record InstitutionTypeEntry(String code, String name) {
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
}

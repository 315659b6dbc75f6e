package cn.childprotect.cms.assessment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.shared.Refusal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The risk-assessment instrument of {@code config/risk-instrument.yml}: sections of items with
 * weighted options, score thresholds, and overrides that raise the level ("at least HIGH when
 * any immediate safety threat is present"). Checked when the service starts.
 */
@ConfigurationProperties("cms.risk-instrument")
public record RiskInstrument(String version, Thresholds thresholds, List<Section> sections, List<Override> overrides) {

    public record Thresholds(int medium, int high, int critical) {
    }

    /** {@code nameEn}, like the items' {@code textEn} and the options' {@code labelEn}: the English, when configured. */
    public record Section(String code, String name, List<Item> items, String nameEn) {

        /** The name in a page's language; the Chinese where no English is configured. */
        public String name(Locale locale) {
            return inLanguage(locale, name, nameEn);
        }
    }

    /**
     * {@code derivedFrom: birth-date} marks an item that is not asked but derived from the child's
     * birth date when it is known (the age item): its options carry {@code maxAge}.
     */
    public record Item(String code, String text, List<Option> options, String derivedFrom, String textEn) {

        public String text(Locale locale) {
            return inLanguage(locale, text, textEn);
        }

        public boolean derivedFromBirthDate() {
            return BIRTH_DATE.equals(derivedFrom);
        }
    }

    /** {@code maxAge}: for an item derived from the birth date, this option is for ages below it (years). */
    public record Option(String code, String label, int weight, Integer maxAge, String labelEn) {

        public String label(Locale locale) {
            return inLanguage(locale, label, labelEn);
        }
    }

    private static String inLanguage(Locale locale, String chinese, String english) {
        return locale != null && "en".equals(locale.getLanguage()) && english != null && !english.isBlank() ? english
                : chinese;
    }

    static final String BIRTH_DATE = "birth-date";

    /** Raises the level to {@code atLeast} when at least {@code minMatches} of the items have one of the answers. */
    public record Override(String name, List<String> items, List<String> answers, Integer minMatches, RiskLevel atLeast,
            String nameEn) {
        public Override {
            minMatches = minMatches == null ? 1 : minMatches;
        }
    }

    public record Result(int score, RiskLevel level, List<String> appliedOverrides) {
    }

    public RiskInstrument {
        if (version == null || thresholds == null || sections == null || sections.isEmpty()) {
            throw new IllegalStateException("config/risk-instrument.yml is missing or incomplete");
        }
        if (!(thresholds.medium() < thresholds.high() && thresholds.high() < thresholds.critical())) {
            throw new IllegalStateException("risk-instrument thresholds must rise: medium < high < critical");
        }
        Set<String> codes = new HashSet<>();
        for (Section section : sections) {
            for (Item item : section.items()) {
                if (!codes.add(item.code()) || item.options() == null || item.options().isEmpty()) {
                    throw new IllegalStateException("risk-instrument item " + item.code() + " is duplicated or has no options");
                }
            }
        }
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
        for (Override o : overrides) {
            if (o.atLeast() == null || !codes.containsAll(o.items())) {
                throw new IllegalStateException("risk-instrument override '" + o.name() + "' names unknown items");
            }
        }
    }

    /**
     * The answers that follow from the child's age in whole years (null when the birth date is
     * unknown: then the item is asked like any other).
     */
    public Map<String, String> derivedAnswers(Integer ageInYears) {
        Map<String, String> derived = new java.util.LinkedHashMap<>();
        if (ageInYears == null) {
            return derived;
        }
        sections.stream().flatMap(s -> s.items().stream()).filter(Item::derivedFromBirthDate).forEach(item -> item
                .options().stream().filter(o -> o.maxAge() == null || ageInYears < o.maxAge()).findFirst()
                .ifPresent(o -> derived.put(item.code(), o.code())));
        return derived;
    }

    public Optional<Item> item(String code) {
        return sections.stream().flatMap(s -> s.items().stream()).filter(i -> i.code().equals(code)).findFirst();
    }

    /** Field errors for answers that name unknown items or options. */
    public List<Refusal.FieldError> check(Map<String, String> answers) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        answers.forEach((itemCode, optionCode) -> {
            Optional<Item> item = item(itemCode);
            if (item.isEmpty()) {
                errors.add(new Refusal.FieldError("answers." + itemCode, "assessment.answer.unknown-item"));
            }
            else if (item.get().options().stream().noneMatch(o -> o.code().equals(optionCode))) {
                errors.add(new Refusal.FieldError("answers." + itemCode, "assessment.answer.unknown-option", optionCode));
            }
        });
        return errors;
    }

    /** Codes of items without an answer. */
    public List<String> unanswered(Map<String, String> answers) {
        return sections.stream().flatMap(s -> s.items().stream()).map(Item::code).filter(c -> !answers.containsKey(c))
                .toList();
    }

    public Result evaluate(Map<String, String> answers) {
        int score = 0;
        for (Map.Entry<String, String> answer : answers.entrySet()) {
            score += item(answer.getKey()).flatMap(i -> i.options().stream()
                    .filter(o -> o.code().equals(answer.getValue())).findFirst()).map(Option::weight).orElse(0);
        }
        RiskLevel level = score >= thresholds.critical() ? RiskLevel.CRITICAL
                : score >= thresholds.high() ? RiskLevel.HIGH
                        : score >= thresholds.medium() ? RiskLevel.MEDIUM : RiskLevel.LOW;
        List<String> applied = new ArrayList<>();
        for (Override o : overrides) {
            long matches = o.items().stream().filter(i -> o.answers().contains(answers.get(i))).count();
            if (matches >= o.minMatches() && o.atLeast().compareTo(level) > 0) {
                level = o.atLeast();
                applied.add(o.name());
            }
            else if (matches >= o.minMatches()) {
                applied.add(o.name());
            }
        }
        return new Result(score, level, applied);
    }
}

package cn.childprotect.cms.people;

import java.time.LocalDate;

import cn.childprotect.cms.shared.Labels;

/**
 * A child as a page shows it. Never carries the plain ID number (only {@code idNumberMasked});
 * {@link #masked()} is the form for people who do not work the child's case.
 */
public record ChildSummary(long id, String name, Sex sex, LocalDate birthDate, Integer estimatedAge,
        boolean identityUnknown, String description, String villageCode, String address, String school,
        String idNumberMasked, boolean masked) {

    public ChildSummary toMasked() {
        return new ChildSummary(id, maskName(name), sex, null, null, identityUnknown, null, villageCode, null, null,
                null, true);
    }

    /** 张小明 → 张**; an unnamed child stays unnamed. */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return Labels.text("label.child.unidentified.masked");
        }
        String stripped = name.strip();
        return stripped.substring(0, 1) + "*".repeat(Math.max(1, stripped.length() - 1));
    }

    /** Age in whole years on a date, from the birth date or the estimate; null when neither is known. */
    public Integer ageOn(LocalDate date) {
        if (birthDate != null) {
            return java.time.Period.between(birthDate, date).getYears();
        }
        return estimatedAge;
    }

    public String label() {
        return name == null || name.isBlank() ? Labels.text("label.child.unidentified") : name;
    }
}

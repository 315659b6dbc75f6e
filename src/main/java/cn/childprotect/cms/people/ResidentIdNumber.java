package cn.childprotect.cms.people;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An 18-character resident identity number (GB 11643-1999): 6-digit address code, birth date
 * yyyyMMdd, 3-digit sequence (odd = male), check character. The address code is not checked
 * against today's divisions: retired codes stay valid for the people born under them.
 */
public record ResidentIdNumber(String value, LocalDate birthDate, Sex sex) {

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
    private static final String CHECK = "10X98765432";

    /** Empty when the text is not a valid number (format, date or check digit). */
    public static Optional<ResidentIdNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.strip().toUpperCase();
        if (!value.matches("\\d{17}[\\dX]")) {
            return Optional.empty();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (value.charAt(i) - '0') * WEIGHTS[i];
        }
        if (CHECK.charAt(sum % 11) != value.charAt(17)) {
            return Optional.empty();
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(value.substring(6, 10)), Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        }
        catch (DateTimeException e) {
            return Optional.empty();
        }
        Sex sex = (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
        return Optional.of(new ResidentIdNumber(value, birth, sex));
    }

    /** The check character for 17 leading digits (used by tests and data fixtures). */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** 1410**********123X style: enough to tell two numbers apart on screen, not to identify. */
    public String masked() {
        return value.substring(0, 4) + "**********" + value.substring(14);
    }
}

package cn.childprotect.cms.jurisdictions;

import java.util.regex.Pattern;

/** Pure functions on 12-digit division codes; no database. */
public final class JurisdictionCodes {

    private static final Pattern TWELVE_DIGITS = Pattern.compile("\\d{12}");

    private JurisdictionCodes() {
    }

    public static boolean isWellFormed(String code) {
        return code != null && TWELVE_DIGITS.matcher(code).matches() && !code.startsWith("000000");
    }

    static void requireWellFormed(String code) {
        if (!isWellFormed(code)) {
            throw new IllegalArgumentException("not a 12-digit division code: " + code);
        }
    }

    /** The township containing a village or township code (the code itself for a township). */
    public static String townshipOf(String code) {
        requireWellFormed(code);
        if (DivisionLevel.of(code) == DivisionLevel.COUNTY) {
            throw new IllegalArgumentException("a county has no township: " + code);
        }
        return code.substring(0, 9) + "000";
    }

    public static String countyOf(String code) {
        requireWellFormed(code);
        return code.substring(0, 6) + "000000";
    }

    public static String parentOf(String code) {
        return switch (DivisionLevel.of(code)) {
            case COUNTY -> null;
            case TOWNSHIP -> countyOf(code);
            case VILLAGE -> townshipOf(code);
        };
    }
}

package cn.childprotect.cms.jurisdictions;

/** County (6 significant digits), township (9) or village (12). */
public enum DivisionLevel {
    COUNTY(6), TOWNSHIP(9), VILLAGE(12);

    private final int significantDigits;

    DivisionLevel(int significantDigits) {
        this.significantDigits = significantDigits;
    }

    public int significantDigits() {
        return significantDigits;
    }

    /** The level a 12-digit code denotes: trailing zero groups mark a county or township. */
    public static DivisionLevel of(String code) {
        JurisdictionCodes.requireWellFormed(code);
        if (code.endsWith("000000")) {
            return COUNTY;
        }
        return code.endsWith("000") ? TOWNSHIP : VILLAGE;
    }
}

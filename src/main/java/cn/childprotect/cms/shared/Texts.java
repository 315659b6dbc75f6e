package cn.childprotect.cms.shared;

/** Small text helpers for input from forms and requests. */
public final class Texts {

    private Texts() {
    }

    /** The stripped text, or null when there is none: an empty form field means "not given". */
    public static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

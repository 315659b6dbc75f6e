package cn.childprotect.cms.jurisdictions;

/**
 * What a user bound to one division may see: every code that starts with the division's
 * significant digits. {@link #likePattern()} gives the index-friendly SQL form
 * ({@code code LIKE '141029100%'}), so scoping happens inside queries, never after them.
 */
public record JurisdictionScope(String prefix) {

    public JurisdictionScope {
        if (prefix == null || !prefix.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw new IllegalArgumentException("scope prefix must have 6, 9 or 12 digits: " + prefix);
        }
    }

    public static JurisdictionScope of(String code) {
        return new JurisdictionScope(code.substring(0, DivisionLevel.of(code).significantDigits()));
    }

    public boolean contains(String code) {
        return code != null && code.startsWith(prefix);
    }

    /** For {@code column LIKE :pattern}; digits only, so no escaping is needed. */
    public String likePattern() {
        return prefix + "%";
    }

    /** The narrower of this scope and a requested prefix filter, or null if they do not meet. */
    public JurisdictionScope narrowTo(String requestedPrefix) {
        if (requestedPrefix == null || requestedPrefix.isBlank()) {
            return this;
        }
        if (requestedPrefix.startsWith(prefix)) {
            return new JurisdictionScope(requestedPrefix);
        }
        return prefix.startsWith(requestedPrefix) ? this : null;
    }
}

package cn.childprotect.cms.cases;

import java.util.Set;

/**
 * The order of a work list: one column, then the id in the same direction (so pages never
 * overlap). Each has an index that starts with it (V7_6_1). Cases without a deadline (closed
 * ones) come after all others when sorting by deadline, in either direction.
 */
public record CaseSort(String property, boolean descending) {

    public static final Set<String> PROPERTIES = Set.of("openedAt", "statusDeadline", "caseNumber");
    public static final CaseSort NEWEST = new CaseSort("openedAt", true);
    public static final CaseSort DEADLINE = new CaseSort("statusDeadline", false);

    public CaseSort {
        if (!PROPERTIES.contains(property)) {
            throw new IllegalArgumentException("not a sortable property: " + property);
        }
    }

    /** {@code "openedAt,desc"}, {@code "statusDeadline"}; null if the property is not sortable. */
    public static CaseSort parse(String value) {
        String[] parts = value.split(",");
        String property = parts[0].strip();
        if (!PROPERTIES.contains(property)) {
            return null;
        }
        return new CaseSort(property, parts.length > 1 && parts[1].strip().equalsIgnoreCase("desc"));
    }

    public String asParameter() {
        return property + (descending ? ",desc" : ",asc");
    }
}

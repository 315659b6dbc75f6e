package cn.childprotect.cms.stats;

/**
 * How a summary splits its measures: by a fact dimension, by division one or two levels down, or
 * by calendar month ({@code yyyy-MM}).
 */
public enum GroupBy {
    CATEGORY("category"),
    CHANNEL("channel"),
    INSTITUTION("institution"),
    STATE("state"),
    AGENCY("agency"),
    TOWNSHIP("substring(village_code, 1, 9)"),
    VILLAGE("village_code"),
    MONTH("extract(year from fact_day) * 100 + extract(month from fact_day)");

    /** A fixed SQL expression over the rollup's own columns (never user text). */
    final String sql;

    GroupBy(String sql) {
        this.sql = sql;
    }

    public static GroupBy parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        for (GroupBy g : values()) {
            if (g.name().equalsIgnoreCase(value.strip())) {
                return g;
            }
        }
        return null;
    }
}

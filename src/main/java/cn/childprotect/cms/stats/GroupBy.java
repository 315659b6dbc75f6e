package cn.childprotect.cms.stats;

/**
 * How a summary splits its measures: by a fact dimension, by division one or two levels down, or
 * by calendar month ({@code yyyy-MM}).
 */
public enum GroupBy {
    CATEGORY("category", "dim_value"),
    CHANNEL("channel", "dim_value"),
    INSTITUTION("institution", "dim_value"),
    STATE("state", "dim_value"),
    AGENCY("agency", "dim_value"),
    TOWNSHIP(StatsRollup.TOTAL, "substring(village_code, 1, 9)"),
    VILLAGE(StatsRollup.TOTAL, "village_code"),
    MONTH(StatsRollup.TOTAL, "extract(year from fact_day) * 100 + extract(month from fact_day)");

    /** Which of the rollup's per-dimension rows the split reads (a fixed code, never user text). */
    final String dim;

    /** A fixed SQL expression over the rollup's own columns (never user text). */
    final String sql;

    GroupBy(String dim, String sql) {
        this.dim = dim;
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

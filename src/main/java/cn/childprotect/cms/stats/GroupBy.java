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
    TOWNSHIP(StatsRollup.TOTAL),
    VILLAGE(StatsRollup.TOTAL),
    MONTH(StatsRollup.TOTAL);

    /** Which of the rollup's per-dimension rows the split reads (a fixed code, never user text). */
    final String dim;

    GroupBy(String dim) {
        this.dim = dim;
    }

    /**
     * The split as a fixed SQL expression over a rollup table's own columns (never user text);
     * {@code place} is the table's division column (a village's code, or a township's in the
     * township-monthly table).
     */
    String sql(String place) {
        return switch (this) {
            case TOWNSHIP -> "substring(" + place + ", 1, 9)";
            case VILLAGE -> place;
            case MONTH -> "extract(year from fact_day) * 100 + extract(month from fact_day)";
            default -> "dim_value";
        };
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

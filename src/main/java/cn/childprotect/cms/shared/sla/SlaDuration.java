package cn.childprotect.cms.shared.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline length as the SLA policy writes it: {@code 30m}, {@code 2h}, {@code 7d} (calendar
 * time) or {@code 5wd} (working days by the holiday calendar, counted to the same time of day).
 * Configuration binds it from that text ({@link #valueOf}), so a typo fails at start; every
 * deadline is computed by {@link #addTo}, the one place that knows working days. {@code text} is
 * the value as written, which is what a person is shown.
 */
public record SlaDuration(Duration calendar, int workingDays, String text) {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(m|h|d|wd)");

    public static SlaDuration parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("SLA duration must look like 30m, 2h, 7d or 5wd: " + text);
        }
        long n = Long.parseLong(m.group(1));
        String written = text.strip();
        return switch (m.group(2)) {
            case "m" -> new SlaDuration(Duration.ofMinutes(n), 0, written);
            case "h" -> new SlaDuration(Duration.ofHours(n), 0, written);
            case "d" -> new SlaDuration(Duration.ofDays(n), 0, written);
            default -> new SlaDuration(Duration.ZERO, Math.toIntExact(n), written);
        };
    }

    /** For configuration binding (Spring's conventions): a blank value is no value, so the default applies. */
    public static SlaDuration valueOf(String text) {
        return text == null || text.isBlank() ? null : parse(text);
    }

    /** {@code value}, or {@code fallback} parsed when the configuration left it out. */
    public static SlaDuration orDefault(SlaDuration value, String fallback) {
        return value != null ? value : parse(fallback);
    }

    /** The deadline this long after {@code start}: calendar time, or working days by the calendar. */
    public Instant addTo(Instant start, WorkingCalendar workingCalendar) {
        return workingDays > 0 ? workingCalendar.plusWorkingDays(start, workingDays) : start.plus(calendar);
    }

    @Override
    public String toString() {
        return text;
    }
}

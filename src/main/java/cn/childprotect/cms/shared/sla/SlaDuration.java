package cn.childprotect.cms.shared.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deadline length as the SLA policy writes it: {@code 30m}, {@code 2h}, {@code 7d} (calendar
 * time) or {@code 5wd} (working days by the holiday calendar, counted to the same time of day).
 */
public record SlaDuration(Duration calendar, int workingDays) {

    private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*(m|h|d|wd)");

    public static SlaDuration parse(String text) {
        Matcher m = FORMAT.matcher(text.strip().toLowerCase());
        if (!m.matches()) {
            throw new IllegalArgumentException("SLA duration must look like 30m, 2h, 7d or 5wd: " + text);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> new SlaDuration(Duration.ofMinutes(n), 0);
            case "h" -> new SlaDuration(Duration.ofHours(n), 0);
            case "d" -> new SlaDuration(Duration.ofDays(n), 0);
            default -> new SlaDuration(Duration.ZERO, Math.toIntExact(n));
        };
    }

    public Instant addTo(Instant start, WorkingCalendar workingCalendar) {
        return workingDays > 0 ? workingCalendar.plusWorkingDays(start, workingDays) : start.plus(calendar);
    }

    @Override
    public String toString() {
        return workingDays > 0 ? workingDays + "wd" : calendar.toString();
    }
}

package cn.childprotect.cms.shared.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * China's working-day calendar: Monday to Friday, minus the public holidays, plus the
 * weekend days declared working days (调休). Both lists come from {@code config/calendar.yml},
 * to be updated every year from the State Council's notice.
 */
@ConfigurationProperties("cms.calendar")
public record WorkingCalendar(List<LocalDate> holidays, List<LocalDate> adjustedWorkingDays, ZoneId zone) {

    public WorkingCalendar {
        holidays = holidays == null ? List.of() : List.copyOf(new TreeSet<>(holidays));
        adjustedWorkingDays = adjustedWorkingDays == null ? List.of() : List.copyOf(new TreeSet<>(adjustedWorkingDays));
        zone = zone == null ? ZoneId.of("Asia/Shanghai") : zone;
    }

    public boolean isWorkingDay(LocalDate date) {
        if (adjustedWorkingDays.contains(date)) {
            return true;
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !holidays.contains(date);
    }

    /**
     * The same local time {@code days} working days later. A start on a non-working day counts
     * from the next working day's start, so a report on a Saturday is due on a working day.
     */
    public Instant plusWorkingDays(Instant start, int days) {
        ZonedDateTime local = start.atZone(zone);
        if (!isWorkingDay(local.toLocalDate())) {
            LocalDate next = local.toLocalDate().plusDays(1);
            while (!isWorkingDay(next)) {
                next = next.plusDays(1);
            }
            local = next.atStartOfDay(zone);
        }
        LocalDate date = local.toLocalDate();
        int remaining = days;
        while (remaining > 0) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                remaining--;
            }
        }
        return date.atTime(local.toLocalTime()).atZone(zone).toInstant();
    }
}

package cn.childprotect.cms.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import cn.childprotect.cms.support.IntegrationTest;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Due dates of register visits, with the calendar and the cadence of config/. */
class VisitScheduleTests extends IntegrationTest {

    @Autowired
    VisitSchedule schedule;

    @Test
    void theFirstVisitIsDueFiveWorkingDaysAfterConfirmationAcrossTheNationalDayHoliday() {
        // confirmed Wednesday 30 September 2026; 1–7 October are holidays, Saturday 10 October a working day:
        // 8 (Thu), 9 (Fri), 10 (Sat, 调休), 12 (Mon), 13 (Tue)
        var confirmed = ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(schedule.firstVisitDue(confirmed)).isEqualTo(LocalDate.of(2026, 10, 13));
        // an ordinary week: Monday 2 November → Monday 9 November
        var monday = ZonedDateTime.of(2026, 11, 2, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
        assertThat(schedule.firstVisitDue(monday)).isEqualTo(LocalDate.of(2026, 11, 9));
    }

    @Test
    void laterVisitsFollowTheTiersCadence() {
        LocalDate visit = LocalDate.of(2026, 11, 2);
        assertThat(schedule.nextVisitDue(visit, RegisterTier.RED)).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(schedule.nextVisitDue(visit, RegisterTier.ORANGE)).isEqualTo(LocalDate.of(2026, 11, 17));
        assertThat(schedule.nextVisitDue(visit, RegisterTier.YELLOW)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(schedule.nextVisitDue(visit, RegisterTier.GREEN)).isEqualTo(LocalDate.of(2027, 1, 31));
        // overdue from the start of the day after the due date, in the county's time zone
        assertThat(schedule.overdueFrom(LocalDate.of(2026, 11, 9)))
                .isEqualTo(ZonedDateTime.of(2026, 11, 10, 0, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant());
    }
}

package cn.childprotect.cms.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;

import org.junit.jupiter.api.Test;

class DeadlinePolicyTests {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingCalendar CALENDAR = new WorkingCalendar(
            List.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
                    LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)),
            List.of(LocalDate.of(2026, 10, 10)), SHANGHAI);
    private static final SlaPolicy DEFAULTS = new SlaPolicy(null, null, null, null, null, null, null, null, null,
            null, null);
    private final CaseDeadlines deadlines = new CaseDeadlines(DEFAULTS, CALENDAR);

    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }

    @Test
    void receivedDeadlineIsTheShortestThatApplies() {
        Instant t = at("2026-11-23T10:00");
        assertThat(deadlines.onEntering(CaseStatus.RECEIVED, t, Set.of("BL01"), false, null))
                .isEqualTo(t.plus(Duration.ofHours(24)));
        assertThat(deadlines.onEntering(CaseStatus.RECEIVED, t, Set.of("BL01", "MR04"), false, null))
                .isEqualTo(t.plus(Duration.ofHours(2)));
        assertThat(deadlines.onEntering(CaseStatus.RECEIVED, t, Set.of("GD05"), false, null))
                .isEqualTo(t.plus(Duration.ofHours(2)));
        assertThat(deadlines.onEntering(CaseStatus.RECEIVED, t, Set.of("MR01"), true, null))
                .isEqualTo(t.plus(Duration.ofMinutes(30)));
    }

    @Test
    void stateDeadlinesFollowThePolicy() {
        Instant t = at("2026-11-23T10:00");
        assertThat(deadlines.onEntering(CaseStatus.EMERGENCY, t, Set.of(), false, null)).isEqualTo(t.plus(Duration.ofHours(24)));
        assertThat(deadlines.onEntering(CaseStatus.ASSESSING, t, Set.of(), false, null)).isEqualTo(t.plus(Duration.ofDays(7)));
        assertThat(deadlines.onEntering(CaseStatus.SUPPORTING, t, Set.of(), false, RiskLevel.HIGH)).isEqualTo(t.plus(Duration.ofDays(14)));
        assertThat(deadlines.onEntering(CaseStatus.SUPPORTING, t, Set.of(), false, RiskLevel.CRITICAL)).isEqualTo(t.plus(Duration.ofDays(7)));
        assertThat(deadlines.onEntering(CaseStatus.SUPPORTING, t, Set.of(), false, null)).isEqualTo(t.plus(Duration.ofDays(30)));
        assertThat(deadlines.onEntering(CaseStatus.CLOSED, t, Set.of(), false, null)).isNull();
        assertThat(deadlines.onEntering(CaseStatus.SCREENED_OUT, t, Set.of(), false, null)).isNull();
    }

    @Test
    void workingDaysSkipWeekendsAndHolidaysAndCountAdjustedDays() {
        // Friday 2026-09-25 15:00 + 1 working day = Monday 09-28 15:00
        assertThat(CALENDAR.plusWorkingDays(at("2026-09-25T15:00"), 1)).isEqualTo(at("2026-09-28T15:00"));
        // Wednesday 09-30 + 1 wd: Oct 1, 2 holidays, 3-4 weekend, 5-7 holidays → Thursday 10-08
        assertThat(CALENDAR.plusWorkingDays(at("2026-09-30T09:00"), 1)).isEqualTo(at("2026-10-08T09:00"));
        // Friday 10-09 + 1 wd: Saturday 10-10 is an adjusted working day
        assertThat(CALENDAR.plusWorkingDays(at("2026-10-09T09:00"), 1)).isEqualTo(at("2026-10-10T09:00"));
        // a report on a holiday counts from the next working day's start
        assertThat(CALENDAR.plusWorkingDays(at("2026-10-01T20:00"), 1)).isEqualTo(at("2026-10-09T00:00"));
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(CALENDAR.isWorkingDay(LocalDate.of(2026, 10, 6))).isFalse();
    }

    @Test
    void durationsParseAndBadOnesFailAtStart() {
        assertThat(SlaDuration.parse("30m").calendar()).isEqualTo(Duration.ofMinutes(30));
        assertThat(SlaDuration.parse("5wd").workingDays()).isEqualTo(5);
        assertThatThrownBy(() -> SlaDuration.parse("soon")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(java.util.Map.of("cms.sla.emergency", "1 day")))
                .isInstanceOf(org.springframework.boot.context.properties.bind.BindException.class)
                .rootCause().isInstanceOf(IllegalArgumentException.class);
    }

    /** The policy is bound as typed durations: what the file says, the defaults for what it leaves out. */
    @Test
    void thePolicyIsBoundAsDurations() {
        SlaPolicy bound = bind(java.util.Map.of("cms.sla.emergency", "36h", "cms.sla.work-order.respond", "3wd",
                "cms.sla.received.categories.MR04", "90m", "cms.sla.handling", ""));
        assertThat(bound.emergency().calendar()).isEqualTo(Duration.ofHours(36));
        assertThat(bound.emergency().text()).isEqualTo("36h");
        assertThat(bound.workOrder().respond().workingDays()).isEqualTo(3);
        assertThat(bound.workOrder().sign().text()).isEqualTo("1wd");
        assertThat(bound.received().categories().get("MR04").calendar()).isEqualTo(Duration.ofMinutes(90));
        assertThat(bound.handling()).isEqualTo(DEFAULTS.handling());
        assertThat(new CaseDeadlines(bound, CALENDAR).onEntering(CaseStatus.EMERGENCY, at("2026-11-23T10:00"), Set.of(),
                false, null)).isEqualTo(at("2026-11-24T22:00"));
    }

    private static SlaPolicy bind(java.util.Map<String, String> properties) {
        return new org.springframework.boot.context.properties.bind.Binder(
                new org.springframework.boot.context.properties.source.MapConfigurationPropertySource(properties))
                .bindOrCreate("cms.sla", SlaPolicy.class);
    }
}

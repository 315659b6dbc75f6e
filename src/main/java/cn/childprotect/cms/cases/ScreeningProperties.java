package cn.childprotect.cms.cases;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.shared.sla.SlaDuration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Screening policy (docs/domain.md §8, all of it ours, {@code config/screening.yml}).
 * {@code priorities}: the first-contact deadline of each response priority (SLA duration syntax);
 * {@code categories}: the priority a category proposes; {@code urgent}: what the urgent flag
 * proposes; {@code defaultPriority}: the proposal when nothing else applies; a child younger than
 * {@code youngChildAge} years raises the proposal by {@code youngChildRaise} levels;
 * {@code screenOutReasons}: the codes a supervisor chooses from when screening a report out.
 */
@ConfigurationProperties("cms.screening")
public record ScreeningProperties(Map<ResponsePriority, SlaDuration> priorities, Map<String, ResponsePriority> categories,
        @DefaultValue("IMMEDIATE") ResponsePriority urgent, @DefaultValue("D5") ResponsePriority defaultPriority,
        @DefaultValue("6") int youngChildAge, @DefaultValue("1") int youngChildRaise, List<String> screenOutReasons) {

    /** The code a screen-out is recorded with when an older client sends none. */
    public static final String OTHER = "OTHER";

    public ScreeningProperties {
        Map<ResponsePriority, SlaDuration> durations = new LinkedHashMap<>(Map.of(
                ResponsePriority.IMMEDIATE, SlaDuration.parse("2h"), ResponsePriority.H24, SlaDuration.parse("24h"),
                ResponsePriority.D3, SlaDuration.parse("3d"), ResponsePriority.D5, SlaDuration.parse("5d")));
        if (priorities != null) {
            durations.putAll(priorities);
        }
        priorities = Map.copyOf(durations);
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        screenOutReasons = screenOutReasons == null || screenOutReasons.isEmpty()
                ? List.of("NOT_PROTECTION_MATTER", "UNFOUNDED", "INSUFFICIENT_INFORMATION", "HANDLED_ELSEWHERE",
                        "SERVICE_REQUEST", OTHER)
                : List.copyOf(screenOutReasons);
    }
}

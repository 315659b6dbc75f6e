package cn.childprotect.cms.stats.web;

import java.time.LocalDate;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.stats.GroupBy;
import cn.childprotect.cms.stats.StatsIndicators;
import cn.childprotect.cms.stats.StatsMeasures;
import cn.childprotect.cms.stats.StatsSummary;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 统计监测 API (docs/domain.md, "Statistics"); every answer is scoped to the caller in the facade. */
@RestController
@RequestMapping("/api/v1/stats")
class StatsController {

    private final StatsMeasures measures;
    private final StatsIndicators indicators;
    private final CurrentUsers currentUsers;

    StatsController(StatsMeasures measures, StatsIndicators indicators, CurrentUsers currentUsers) {
        this.measures = measures;
        this.indicators = indicators;
        this.currentUsers = currentUsers;
    }

    /** Measures for a period (both ends inclusive; default: this year to today) and a division, optionally split. */
    @GetMapping("/summary")
    StatsSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String by) {
        GroupBy groupBy = GroupBy.parse(by);
        if (by != null && !by.isBlank() && groupBy == null) {
            throw Refusal.invalidField("by", "stats.by.invalid");
        }
        return measures.summary(from, to, scope, groupBy, currentUsers.current());
    }

    /** The indicators of config/indicators.yml for a year (default: this year) and a division, with warnings. */
    @GetMapping("/indicators")
    StatsIndicators.IndicatorReport indicators(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope) {
        return indicators.indicators(year, scope, currentUsers.current());
    }

    /** Rebuilds the rollup from scratch (county supervisors, administrators). */
    @PostMapping("/rebuild")
    StatsMeasures.RebuildSummary rebuild() {
        return measures.rebuild(currentUsers.current());
    }
}

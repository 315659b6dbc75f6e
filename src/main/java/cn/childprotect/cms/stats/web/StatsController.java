package cn.childprotect.cms.stats.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.stats.GroupBy;
import cn.childprotect.cms.stats.StatsExports;
import cn.childprotect.cms.stats.StatsIndicators;
import cn.childprotect.cms.stats.TableSink;
import cn.childprotect.cms.stats.StatsMeasures;
import cn.childprotect.cms.stats.StatsSummary;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
    private final StatsExports exports;
    private final CurrentUsers currentUsers;

    StatsController(StatsMeasures measures, StatsIndicators indicators, StatsExports exports,
            CurrentUsers currentUsers) {
        this.exports = exports;
        this.measures = measures;
        this.indicators = indicators;
        this.currentUsers = currentUsers;
    }

    /** Measures for a period (both ends inclusive; default: this year to today) and a division, optionally split. */
    @GetMapping("/summary")
    StatsSummary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String by) {
        return measures.summary(from, to, scope, groupBy(by), currentUsers.current());
    }

    /** The indicators of config/indicators.yml for a year (default: this year) and a division, with warnings. */
    @GetMapping("/indicators")
    StatsIndicators.IndicatorReport indicators(@RequestParam(required = false) Integer year,
            @RequestParam(required = false) String scope) {
        return indicators.indicators(year, scope, currentUsers.current());
    }

    /** The case list of a period (case numbers and codes only, never a person), streamed; audited. */
    @GetMapping({ "/export/cases.csv", "/export/cases.xlsx" })
    void exportCases(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String scope, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        StatsExports.Export export = exports.prepare("cases", formatOf(request), from, to, scope, null,
                currentUsers.current());
        start(response, export);
        exports.writeCases(export, response.getOutputStream());
    }

    /** The measure table of a period, optionally split; counts under 5 shown as "<5"; audited. */
    @GetMapping({ "/export/summary.csv", "/export/summary.xlsx" })
    void exportSummary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String by,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        StatsExports.Export export = exports.prepare("summary", formatOf(request), from, to, scope, groupBy(by),
                currentUsers.current());
        start(response, export);
        exports.writeSummary(export, response.getOutputStream());
    }

    /** The annual monitoring report (监测评估报告) of a year and a division, as xlsx; audited. */
    @GetMapping("/report/annual.xlsx")
    void annualReport(@RequestParam(required = false) Integer year, @RequestParam(required = false) String scope,
            HttpServletResponse response) throws IOException {
        var user = currentUsers.current();
        var report = indicators.indicators(year, scope, user); // checks the caller, the scope and the year first
        response.setContentType(TableSink.Format.XLSX.mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("annual-report-%s-%d.xlsx".formatted(report.scope(), report.year())).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.writeAnnualReport(report.year(), report.scope(), user, indicators, response.getOutputStream());
    }

    private static TableSink.Format formatOf(HttpServletRequest request) {
        return request.getRequestURI().endsWith(".xlsx") ? TableSink.Format.XLSX : TableSink.Format.CSV;
    }

    private static void start(HttpServletResponse response, StatsExports.Export export) {
        response.setContentType(export.format().mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(export.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static GroupBy groupBy(String by) {
        GroupBy groupBy = GroupBy.parse(by);
        if (by != null && !by.isBlank() && groupBy == null) {
            throw Refusal.invalidField("by", "stats.by.invalid");
        }
        return groupBy;
    }

    /** Rebuilds the rollup from scratch (county supervisors, administrators). */
    @PostMapping("/rebuild")
    StatsMeasures.RebuildSummary rebuild() {
        return measures.rebuild(currentUsers.current());
    }
}

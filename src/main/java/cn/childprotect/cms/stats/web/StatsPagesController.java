package cn.childprotect.cms.stats.web;

import java.io.IOException;
import java.time.LocalDate;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.childprotect.cms.jurisdictions.Division;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.stats.GroupBy;
import cn.childprotect.cms.stats.StatsExports;
import cn.childprotect.cms.stats.StatsIndicators;
import cn.childprotect.cms.stats.TableSink;
import cn.childprotect.cms.stats.StatsMeasures;
import cn.childprotect.cms.stats.StatsSummary;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The 统计监测 dashboard (docs/domain.md, "Statistics") for supervisors and child directors, in
 * their scope: key figures, the monthly trend, bars by township or village (a click drills down),
 * the indicator table with warnings, and the exports. Charts are ECharts from the WebJar; the
 * figures are also in plain tables, so the page reads without JavaScript and on a phone.
 */
@Controller
class StatsPagesController {

    static final List<String> KEY_MEASURES = List.of("reports.received", "cases.opened", "cases.emergency",
            "cases.closed", "cases.screened_out", "escalations.raised");
    static final List<String> TREND_MEASURES = List.of("reports.received", "cases.opened", "cases.closed");

    private final StatsMeasures measures;
    private final StatsIndicators indicators;
    private final Jurisdictions jurisdictions;
    private final CurrentUsers currentUsers;
    private final BusinessTime time;
    private final StatsExports exports;

    StatsPagesController(StatsMeasures measures, StatsIndicators indicators, Jurisdictions jurisdictions,
            CurrentUsers currentUsers, BusinessTime time, StatsExports exports) {
        this.exports = exports;
        this.measures = measures;
        this.indicators = indicators;
        this.jurisdictions = jurisdictions;
        this.currentUsers = currentUsers;
        this.time = time;
    }

    record Place(String code, String name, long cases, long reports) {
    }

    record Crumb(String code, String name) {
    }

    @GetMapping("/stats")
    String dashboard(@RequestParam(required = false) Integer year, @RequestParam(required = false) String scope,
            Model model) {
        CurrentUser me = currentUsers.current();
        JurisdictionScope where = measures.scopeFor(me, scope);
        int y = year == null ? time.today().getYear() : year;
        StatsIndicators.IndicatorReport report = indicators.indicators(y, where.prefix(), me);
        LocalDate from = LocalDate.of(y, 1, 1);
        LocalDate to = y == time.today().getYear() ? time.today() : LocalDate.of(y, 12, 31);
        StatsSummary totals = measures.summary(from, to, where.prefix(), null, me);
        StatsSummary monthly = measures.summary(from, to, where.prefix(), GroupBy.MONTH, me);

        List<String> months = new ArrayList<>();
        for (int m = 1; m <= to.getMonthValue(); m++) {
            months.add("%d-%02d".formatted(y, m));
        }
        Map<String, List<Long>> trend = new TreeMap<>();
        for (String measure : TREND_MEASURES) {
            trend.put(measure, months.stream().map(m -> monthly.count(measure, m)).toList());
        }

        GroupBy placeLevel = switch (where.prefix().length()) {
            case 6 -> GroupBy.TOWNSHIP;
            case 9 -> GroupBy.VILLAGE;
            default -> null;
        };
        List<Place> places = new ArrayList<>();
        if (placeLevel != null) {
            StatsSummary byPlace = measures.summary(from, to, where.prefix(), placeLevel, me);
            String fullCode = where.prefix() + "0".repeat(12 - where.prefix().length());
            for (Division d : jurisdictions.childrenOf(fullCode)) {
                String key = placeLevel == GroupBy.TOWNSHIP ? d.code().substring(0, 9) : d.code();
                places.add(new Place(placeLevel == GroupBy.TOWNSHIP ? key : d.code(), d.name(),
                        byPlace.count("cases.opened", key), byPlace.count("reports.received", key)));
            }
        }

        List<Crumb> crumbs = new ArrayList<>();
        String own = me.scope().prefix();
        for (int len : new int[] { 6, 9, 12 }) {
            if (len >= own.length() && len <= where.prefix().length()) {
                String code = where.prefix().substring(0, len);
                crumbs.add(new Crumb(code, jurisdictions.nameOf(code + "0".repeat(12 - len))));
            }
        }

        model.addAttribute("me", me);
        model.addAttribute("year", y);
        model.addAttribute("years", List.of(y - 2, y - 1, y).stream().filter(v -> v <= time.today().getYear()).toList());
        model.addAttribute("scope", where.prefix());
        model.addAttribute("crumbs", crumbs);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("keyFigures", KEY_MEASURES.stream().map(m -> Map.entry(m, totals.count(m))).toList());
        model.addAttribute("acceptance", totals.total("time.acceptance").orElse(null));
        model.addAttribute("closure", totals.total("time.closure").orElse(null));
        model.addAttribute("months", months);
        model.addAttribute("trend", trend);
        model.addAttribute("places", places);
        model.addAttribute("placeLevel", placeLevel == null ? "" : placeLevel.name());
        model.addAttribute("indicators", report.indicators());
        model.addAttribute("monthsJson", Json.strings(months));
        model.addAttribute("trendJson", Json.series(trend));
        model.addAttribute("placeNamesJson", Json.strings(places.stream().map(Place::name).toList()));
        model.addAttribute("placeCodesJson", Json.strings(places.stream().map(Place::code).toList()));
        model.addAttribute("placeCasesJson", Json.numbers(places.stream().map(Place::cases).toList()));
        return "stats/dashboard";
    }

    /** The dashboard's export links (the browser's session; the same exports as the API, audited alike). */
    @GetMapping({ "/stats/export/cases.csv", "/stats/export/cases.xlsx", "/stats/export/summary.csv",
            "/stats/export/summary.xlsx" })
    void export(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String scope, @RequestParam(required = false) String by,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean cases = request.getRequestURI().contains("/cases.");
        StatsExports.Export export = exports.prepare(cases ? "cases" : "summary",
                request.getRequestURI().endsWith(".xlsx") ? TableSink.Format.XLSX : TableSink.Format.CSV, from, to,
                scope, cases ? null : GroupBy.parse(by), currentUsers.current());
        response.setContentType(export.format().mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(export.fileName()).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        if (cases) {
            exports.writeCases(export, response.getOutputStream());
        }
        else {
            exports.writeSummary(export, response.getOutputStream());
        }
    }

    /** The annual monitoring report from the dashboard (the browser's session). */
    @GetMapping("/stats/report/annual.xlsx")
    void annualReport(@RequestParam(required = false) Integer year, @RequestParam(required = false) String scope,
            HttpServletResponse response) throws IOException {
        CurrentUser me = currentUsers.current();
        StatsIndicators.IndicatorReport report = indicators.indicators(year, scope, me);
        response.setContentType(TableSink.Format.XLSX.mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("annual-report-%s-%d.xlsx".formatted(report.scope(), report.year())).build().toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        exports.writeAnnualReport(report.year(), report.scope(), me, indicators, response.getOutputStream());
    }

    /** Just enough JSON for the charts' data attributes (codes, names and counts). */
    static final class Json {

        static String strings(List<String> values) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < values.size(); i++) {
                out.append(i == 0 ? "" : ",").append(quote(values.get(i)));
            }
            return out.append(']').toString();
        }

        static String numbers(List<? extends Number> values) {
            return values.toString().replace(" ", "");
        }

        static String series(Map<String, List<Long>> series) {
            StringBuilder out = new StringBuilder("{");
            series.forEach((k, v) -> out.append(out.length() > 1 ? "," : "").append(quote(k)).append(':')
                    .append(numbers(v)));
            return out.append('}').toString();
        }

        static String quote(String value) {
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toCharArray()) {
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                }
                else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                    out.append("\\u%04x".formatted((int) c));
                }
                else {
                    out.append(c);
                }
            }
            return out.append('"').toString();
        }
    }

}

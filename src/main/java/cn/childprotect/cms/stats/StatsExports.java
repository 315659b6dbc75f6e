package cn.childprotect.cms.stats;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.users.CurrentUser;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Exports (docs/domain.md, "Statistics"): the case list of a period and the measure table, as CSV
 * or xlsx, streamed a page at a time. A case row carries the case number and codes (place,
 * category, channel, institution type, state, durations) — never a child's or reporter's name,
 * ID number, phone, address or school: it is built from the rollup's facts, which hold none. In
 * the aggregate table a count under {@value #SMALL_CELL} (and its percentiles) shows as "<5".
 * Every export is audited: who, what, scope, period, rows.
 */
@Service
public class StatsExports {

    static final int SMALL_CELL = 5;
    static final String SUPPRESSED = "<" + SMALL_CELL;
    private static final int PAGE = 1_000;
    private static final List<String> CASE_MEASURES = List.of("cases.emergency", "cases.closed", "cases.screened_out",
            "cases.merged", "time.acceptance", "time.closure");

    private final StatsMeasures measures;
    private final JdbcClient jdbc;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;

    StatsExports(StatsMeasures measures, JdbcClient jdbc, CaseFiles caseFiles, Jurisdictions jurisdictions,
            MessageSource messages, ApplicationEventPublisher events) {
        this.measures = measures;
        this.jdbc = jdbc;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.messages = messages;
        this.events = events;
    }

    /** Checks the caller and the period before anything is written (so a refusal is still a clean 403/404/400). */
    public Export prepare(String what, TableSink.Format format, LocalDate from, LocalDate to, String scope, GroupBy by,
            CurrentUser user) {
        JurisdictionScope where = measures.scopeFor(user, scope);
        StatsMeasures.Period period = measures.periodOf(from, to);
        return new Export(what, format, period, where, by, user);
    }

    public record Export(String what, TableSink.Format format, StatsMeasures.Period period, JurisdictionScope scope,
            GroupBy by, CurrentUser user) {

        public String fileName() {
            return "%s-%s-%s-%s.%s".formatted(what, scope.prefix(), period.from(), period.to(), format.extension());
        }
    }

    /** Writes the case list; returns the number of case rows. */
    public long writeCases(Export export, OutputStream out) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> placeNames = new HashMap<>();
        long rows = 0;
        try (TableSink sink = TableSink.open(export.format(), out, text("stats.export.cases.sheet", locale))) {
            sink.row(List.of(text("stats.export.col.case-number", locale), text("stats.export.col.opened", locale),
                    text("stats.export.col.township", locale), text("stats.export.col.village", locale),
                    text("stats.export.col.category", locale), text("stats.export.col.channel", locale),
                    text("stats.export.col.institution", locale), text("stats.export.col.state", locale),
                    text("stats.export.col.emergency", locale), text("stats.export.col.acceptance-minutes", locale),
                    text("stats.export.col.ended", locale), text("stats.export.col.closure-minutes", locale)));
            long after = 0;
            while (true) {
                List<CaseRow> page = casePage(export, after);
                if (page.isEmpty()) {
                    break;
                }
                List<Long> ids = page.stream().map(CaseRow::caseId).toList();
                Map<Long, String> numbers = caseFiles.caseNumbers(ids);
                Map<Long, Map<String, Object[]>> more = moreFacts(ids);
                for (CaseRow r : page) {
                    Map<String, Object[]> facts = more.getOrDefault(r.caseId(), Map.of());
                    String township = r.villageCode().substring(0, 9) + "000";
                    LocalDate ended = firstDay(facts, "cases.closed", "cases.screened_out", "cases.merged");
                    sink.row(java.util.Arrays.asList(numbers.getOrDefault(r.caseId(), ""), r.opened().toString(),
                            placeNames.computeIfAbsent(township, jurisdictions::nameOf),
                            placeNames.computeIfAbsent(r.villageCode(), jurisdictions::nameOf),
                            r.category(), label("Channel", r.channel(), locale),
                            label("InstitutionType", r.institution(), locale), label("CaseStatus", r.state(), locale),
                            facts.containsKey("cases.emergency") ? text("stats.export.yes", locale) : "",
                            minutes(facts, "time.acceptance"), ended == null ? "" : ended.toString(),
                            minutes(facts, "time.closure")));
                    rows++;
                }
                after = page.getLast().caseId();
            }
        }
        audit(export, rows);
        return rows;
    }

    /** Writes the measure table (totals, or split by {@code by}), small cells suppressed; returns the rows. */
    public long writeSummary(Export export, OutputStream out) {
        Locale locale = LocaleContextHolder.getLocale();
        StatsSummary summary = measures.summaryIn(export.period(), export.scope(), export.by(), null);
        long rows = 0;
        try (TableSink sink = TableSink.open(export.format(), out, text("stats.export.summary.sheet", locale))) {
            sink.row(List.of(text("stats.export.col.measure", locale), text("stats.export.col.measure-name", locale),
                    text("stats.export.col.group", locale), text("stats.export.col.count", locale),
                    text("stats.export.col.median", locale), text("stats.export.col.p90", locale)));
            for (MeasureValue v : summary.values()) {
                boolean small = v.count() > 0 && v.count() < SMALL_CELL;
                sink.row(java.util.Arrays.asList(v.measure(),
                        messages.getMessage("stats.measure." + v.measure(), null, v.measure(), locale),
                        v.group().isEmpty() ? text("stats.export.total", locale) : v.group(),
                        small ? SUPPRESSED : v.count(),
                        v.medianMinutes() == null ? "" : small ? SUPPRESSED : v.medianMinutes(),
                        v.p90Minutes() == null ? "" : small ? SUPPRESSED : v.p90Minutes()));
                rows++;
            }
        }
        audit(export, rows);
        return rows;
    }

    /**
     * The annual monitoring report (监测评估报告) for a year and a scope, as one xlsx: the indicator
     * table (target, this year, last year, projection, warnings), the measures of this year and last,
     * and the key measures by township (or village). Aggregate cells under 5 show as "<5". Audited.
     */
    public long writeAnnualReport(int year, String scope, CurrentUser user, StatsIndicators indicators,
            OutputStream out) {
        StatsIndicators.IndicatorReport report = indicators.indicators(year, scope, user);
        JurisdictionScope where = new JurisdictionScope(report.scope());
        Locale locale = LocaleContextHolder.getLocale();
        LocalDate end = LocalDate.of(year, 12, 31);
        StatsMeasures.Period period = measures.periodOf(LocalDate.of(year, 1, 1),
                end.isAfter(measures.today()) ? measures.today() : end);
        StatsMeasures.Period previous = new StatsMeasures.Period(LocalDate.of(year - 1, 1, 1), LocalDate.of(year - 1, 12, 31));
        StatsSummary now = measures.summaryIn(period, where, null, null);
        StatsSummary before = measures.summaryIn(previous, where, null, null);
        GroupBy level = where.prefix().length() == 6 ? GroupBy.TOWNSHIP : where.prefix().length() == 9 ? GroupBy.VILLAGE
                : null;
        long rows = 0;
        org.dhatim.fastexcel.Workbook workbook = new org.dhatim.fastexcel.Workbook(out, "child-protection-cms", "1.0");
        try {
            org.dhatim.fastexcel.Worksheet sheet = workbook.newWorksheet(text("stats.report.sheet.indicators", locale));
            int r = 0;
            String placeName = jurisdictions.nameOf(where.prefix() + "0".repeat(12 - where.prefix().length()));
            sheet.value(r++, 0, messages.getMessage("stats.report.title", new Object[] { placeName, String.valueOf(year) }, locale));
            sheet.value(r++, 0, messages.getMessage("stats.page.period", new Object[] { period.from(), period.to() },
                    locale));
            r++;
            List<String> head = List.of(text("stats.page.indicator", locale), text("stats.page.target", locale),
                    text("stats.page.actual", locale), text("stats.page.last-year", locale),
                    text("stats.page.projection", locale), text("stats.page.warnings", locale));
            for (int c = 0; c < head.size(); c++) {
                sheet.value(r, c, head.get(c));
            }
            r++;
            for (IndicatorValue v : report.indicators()) {
                sheet.value(r, 0, v.name());
                sheet.value(r, 1, v.target());
                percent(sheet, r, 2, v.actual());
                percent(sheet, r, 3, v.lastYear());
                percent(sheet, r, 4, v.projection());
                sheet.value(r, 5, String.join(" / ", v.warnings().stream().map(IndicatorValue.Warning::text).toList()));
                sheet.style(r, 1).format("0.0%").set();
                r++;
                rows++;
            }
            sheet.finish();

            sheet = workbook.newWorksheet(text("stats.report.sheet.measures", locale));
            List<String> mhead = List.of(text("stats.export.col.measure", locale),
                    text("stats.export.col.measure-name", locale), String.valueOf(year), String.valueOf(year - 1),
                    text("stats.export.col.median", locale) + " " + year);
            for (int c = 0; c < mhead.size(); c++) {
                sheet.value(0, c, mhead.get(c));
            }
            r = 1;
            java.util.Set<String> codes = new java.util.TreeSet<>();
            now.values().forEach(v -> codes.add(v.measure()));
            before.values().forEach(v -> codes.add(v.measure()));
            for (String code : codes) {
                sheet.value(r, 0, code);
                sheet.value(r, 1, messages.getMessage("stats.measure." + code, null, code, locale));
                cell(sheet, r, 2, now.count(code));
                cell(sheet, r, 3, before.count(code));
                Long median = now.total(code).map(MeasureValue::medianMinutes).orElse(null);
                if (median != null) {
                    if (now.count(code) < SMALL_CELL) {
                        sheet.value(r, 4, SUPPRESSED);
                    }
                    else {
                        sheet.value(r, 4, median);
                    }
                }
                r++;
                rows++;
            }
            sheet.finish();

            if (level != null) {
                sheet = workbook.newWorksheet(text(level == GroupBy.TOWNSHIP ? "stats.page.by-township"
                        : "stats.page.by-village", locale));
                List<String> keys = List.of("reports.received", "cases.opened", "cases.emergency", "cases.closed",
                        "sla.acceptance.on_time", "sla.acceptance.late", "escalations.raised");
                sheet.value(0, 0, text("stats.page.place", locale));
                for (int c = 0; c < keys.size(); c++) {
                    sheet.value(0, c + 1, messages.getMessage("stats.measure." + keys.get(c), null, keys.get(c),
                            locale));
                }
                StatsSummary byPlace = measures.summaryIn(period, where, level, keys);
                r = 1;
                String full = where.prefix() + "0".repeat(12 - where.prefix().length());
                for (cn.childprotect.cms.jurisdictions.Division d : jurisdictions.childrenOf(full)) {
                    String key = level == GroupBy.TOWNSHIP ? d.code().substring(0, 9) : d.code();
                    sheet.value(r, 0, d.name());
                    for (int c = 0; c < keys.size(); c++) {
                        cell(sheet, r, c + 1, byPlace.count(keys.get(c), key));
                    }
                    r++;
                    rows++;
                }
                sheet.finish();
            }
            workbook.finish();
        }
        catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        audit(new Export("annual-report", TableSink.Format.XLSX, period, where, null, user), rows);
        return rows;
    }

    private static void percent(org.dhatim.fastexcel.Worksheet sheet, int r, int c, Double value) {
        if (value == null) {
            sheet.value(r, c, "-");
        }
        else {
            sheet.value(r, c, value);
            sheet.style(r, c).format("0.0%").set();
        }
    }

    /** An aggregate count: under five (and not zero) shows as "<5". */
    private static void cell(org.dhatim.fastexcel.Worksheet sheet, int r, int c, long count) {
        if (count > 0 && count < SMALL_CELL) {
            sheet.value(r, c, SUPPRESSED);
        }
        else {
            sheet.value(r, c, count);
        }
    }

    private void audit(Export export, long rows) {
        events.publishEvent(AuditEvent.success(export.user().username(), "STATS_EXPORTED", "STATS_EXPORT",
                export.what() + "." + export.format().extension())
                .withDetail("scope=%s from=%s to=%s by=%s rows=%d".formatted(export.scope().prefix(),
                        export.period().from(), export.period().to(), export.by() == null ? "" : export.by(), rows)));
    }

    private record CaseRow(long caseId, LocalDate opened, String villageCode, String category, String channel,
            String institution, String state) {
    }

    private List<CaseRow> casePage(Export export, long after) {
        return jdbc.sql("""
                select subject_id, fact_day, village_code, category, channel, institution, state from stats_fact
                where source = 'intake.case' and measure = 'cases.opened' and subject_id > ?
                  and fact_day between ? and ? and village_code like ?
                order by subject_id limit %d""".formatted(PAGE))
                .params(after, export.period().from(), export.period().to(), export.scope().likePattern())
                .query((rs, n) -> new CaseRow(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)))
                .list();
    }

    /** measure → {day, minutes} of each case's other facts, one query per page. */
    private Map<Long, Map<String, Object[]>> moreFacts(List<Long> ids) {
        Map<Long, Map<String, Object[]>> result = new HashMap<>();
        List<Object> params = new ArrayList<>(ids);
        params.addAll(CASE_MEASURES);
        jdbc.sql("select subject_id, measure, fact_day, minutes from stats_fact where source = 'intake.case'"
                + " and subject_id in (" + String.join(",", ids.stream().map(i -> "?").toList()) + ")"
                + " and measure in (" + String.join(",", CASE_MEASURES.stream().map(m -> "?").toList()) + ")")
                .params(params)
                .query(rs -> {
                    long id = rs.getLong(1);
                    Object minutes = rs.getObject(4);
                    result.computeIfAbsent(id, k -> new HashMap<>()).put(rs.getString(2),
                            new Object[] { rs.getObject(3, LocalDate.class), minutes == null ? null : rs.getLong(4) });
                });
        return result;
    }

    private static LocalDate firstDay(Map<String, Object[]> facts, String... measureCodes) {
        for (String m : measureCodes) {
            if (facts.containsKey(m)) {
                return (LocalDate) facts.get(m)[0];
            }
        }
        return null;
    }

    private static Object minutes(Map<String, Object[]> facts, String measure) {
        Object[] fact = facts.get(measure);
        return fact == null || fact[1] == null ? "" : fact[1];
    }

    private String label(String type, String code, Locale locale) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        return messages.getMessage("label." + type + "." + code, null, code, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}

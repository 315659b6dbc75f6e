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

package cn.childprotect.cms.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseMilestones;
import cn.childprotect.cms.cases.events.CaseOpened;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.intake.events.PoliceNotificationRecorded;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.intake.events.ReportRelinked;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.deadlines.DeadlinesMissed;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;
import cn.childprotect.cms.users.InstitutionType;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

/**
 * Intake's facts for the statistics rollup (docs/domain.md, "Statistics"): one source for reports
 * and one for cases, because a case's category, channel and reporter institution type are those of
 * its first report, which only intake knows; the case's milestones come through {@link CaseFiles}.
 */
@Configuration(proxyBeanMethods = false)
class IntakeStatsFacts {

    @Bean
    StatsFactSource reportStatsFacts(Reports reports, ReportTaxonomy taxonomy, BusinessTime time, SlaPolicy sla,
            WorkingCalendar calendar) {
        return new ReportFacts(reports, taxonomy, time, sla, calendar);
    }

    @Bean
    StatsFactSource caseStatsFacts(Reports reports, CaseFiles caseFiles, ReportTaxonomy taxonomy, BusinessTime time) {
        return new CaseFacts(reports, caseFiles, taxonomy, time);
    }

    /** The category a report or case counts under: the first of its categories in the taxonomy's order. */
    static String primaryCategory(Set<String> categories, ReportTaxonomy taxonomy) {
        List<String> order = taxonomy.categories().stream().map(ReportTaxonomy.Category::code).toList();
        return categories.stream()
                .min(Comparator.comparingInt((String c) -> order.indexOf(c) < 0 ? Integer.MAX_VALUE : order.indexOf(c))
                        .thenComparing(Comparator.naturalOrder()))
                .orElse("");
    }

    static long minutesBetween(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toMinutes());
    }

    /**
     * {@code intake.report}: reports received (by category, channel, institution type and what
     * became of them: OPENED a case, LINKED to one, LOGGED only), the reporting delay (occurred →
     * received) and, for mandatory reports, receipt → police notification and whether it came
     * within the policy's time (1 h by default). A notification still awaited past its stored
     * deadline counts as late on the deadline's day from the sweep that finds it missed
     * ({@link DeadlinesMissed}); late ones, met or not, count on the due day, on-time ones on the
     * day of the notification. A closed or screened-out case clears the awaited deadline
     * ({@code PoliceDeadlines}), and with it such a late fact.
     */
    record ReportFacts(Reports reports, ReportTaxonomy taxonomy, BusinessTime time, SlaPolicy sla,
            WorkingCalendar calendar) implements StatsFactSource {

        @Override
        public String name() {
            return "intake.report";
        }

        @Override
        public List<Long> subjectsAffectedBy(Object event) {
            return switch (event) {
                case ReportReceived e -> List.of(e.reportId());
                case PoliceNotificationRecorded e -> List.of(e.reportId());
                case ReportRelinked e -> List.of(e.reportId());
                case DeadlinesMissed e -> e.sourceIdsOf("POLICE_NOTIFICATION");
                case CaseStatusChanged e when clearsOrSetsPoliceDeadline(e) ->
                    reports.findByCaseIdOrderById(e.caseId()).stream().map(Report::id).toList();
                default -> List.of();
            };
        }

        private static boolean clearsOrSetsPoliceDeadline(CaseStatusChanged e) {
            return e.to() == CaseStatus.CLOSED || e.to() == CaseStatus.SCREENED_OUT || e.from() == CaseStatus.CLOSED
                    || e.from() == CaseStatus.SCREENED_OUT;
        }

        @Override
        public List<StatsFact> factsOf(long reportId) {
            return reports.findById(reportId).map(this::factsOf).orElse(List.of());
        }

        /** The reports and their categories in one query, however many (a drain's batch). */
        @Override
        public Map<Long, List<StatsFact>> factsOf(Collection<Long> reportIds) {
            Map<Long, List<StatsFact>> facts = new HashMap<>();
            for (Report report : reports.findWithCategoriesByIdIn(reportIds)) {
                facts.put(report.id(), factsOf(report));
            }
            return facts;
        }

        private List<StatsFact> factsOf(Report report) {
            String outcome = report.caseId() == null ? "LOGGED" : report.linkedToExisting() ? "LINKED" : "OPENED";
            StatsFact received = StatsFact.count("reports.received", time.dateOf(report.receivedAt()),
                            report.villageCode())
                    .withCategory(primaryCategory(report.categories(), taxonomy))
                    .withChannel(report.channel().name())
                    .withInstitution(report.reporterInstitutionType() == null ? ""
                            : report.reporterInstitutionType().name())
                    .withState(outcome);
            List<StatsFact> facts = new ArrayList<>();
            facts.add(received);
            if (report.occurredAt() != null) {
                facts.add(received.duration("reports.delay", minutesBetween(report.occurredAt(), report.receivedAt())));
            }
            boolean mandatory = report.categories().stream().anyMatch(taxonomy::isMandatory);
            if (mandatory && report.policeNotifiedAt() != null) {
                facts.add(received.duration("time.police", minutesBetween(report.receivedAt(), report.policeNotifiedAt())));
                Instant due = sla.policeNotification().addTo(report.receivedAt(), calendar);
                facts.add(report.policeNotifiedAt().isAfter(due) ? received.as("sla.police.late", time.dateOf(due))
                        : received.as("sla.police.on_time", time.dateOf(report.policeNotifiedAt())));
            }
            else if (report.policeNotifiedAt() == null && report.policeDeadline() != null
                    && report.policeDeadline().isBefore(time.now())) {
                facts.add(received.as("sla.police.late", time.dateOf(report.policeDeadline())));
            }
            return facts;
        }

        @Override
        public List<Long> subjectsAfter(long afterId, int limit) {
            return reports.findIdsAfter(afterId, PageRequest.of(0, limit));
        }
    }

    /**
     * {@code intake.case}: cases opened (by category, channel, institution type and current state),
     * screened out, merged, closed, declared emergencies; receipt → acceptance and → closure; and
     * whether the case left RECEIVED by its acceptance deadline (sla.acceptance.*): on time on the
     * day it left, late on the deadline's day, also while it is still RECEIVED past the deadline
     * (from the sweep that finds the case deadline missed, {@link DeadlinesMissed}).
     */
    record CaseFacts(Reports reports, CaseFiles caseFiles, ReportTaxonomy taxonomy, BusinessTime time)
            implements StatsFactSource {

        @Override
        public String name() {
            return "intake.case";
        }

        @Override
        public List<Long> subjectsAffectedBy(Object event) {
            return switch (event) {
                case CaseOpened e -> List.of(e.caseId());
                case CaseStatusChanged e -> e.mergedInto() == null ? List.of(e.caseId())
                        : List.of(e.caseId(), e.mergedInto());
                case ReportRelinked e -> List.of(e.caseId());
                case DeadlinesMissed e -> e.sourceIdsOf("CASE_DEADLINE");
                default -> List.of();
            };
        }

        @Override
        public List<StatsFact> factsOf(long caseId) {
            return factsOf(List.of(caseId)).getOrDefault(caseId, List.of());
        }

        /** Three queries however many cases (a drain's batch): the cases, their timelines, their reports. */
        @Override
        public Map<Long, List<StatsFact>> factsOf(Collection<Long> caseIds) {
            Map<Long, FirstReport> firstReports = new HashMap<>();
            for (Object[] row : reports.findStatsFactsOfCases(caseIds)) {
                firstReports.putIfAbsent((Long) row[0],
                        new FirstReport((Channel) row[1], (InstitutionType) row[2], (Instant) row[3]));
            }
            Map<Long, List<StatsFact>> facts = new HashMap<>();
            for (CaseMilestones m : caseFiles.milestones(caseIds)) {
                facts.put(m.caseId(), factsOf(m, Optional.ofNullable(firstReports.get(m.caseId()))));
            }
            return facts;
        }

        private List<StatsFact> factsOf(CaseMilestones m, Optional<FirstReport> first) {
            StatsFact opened = StatsFact.count("cases.opened", time.dateOf(m.openedAt()), m.villageCode())
                    .withCategory(primaryCategory(m.categories(), taxonomy))
                    .withChannel(first.map(r -> r.channel().name()).orElse(""))
                    .withInstitution(first.map(FirstReport::institutionType).map(Enum::name).orElse(""))
                    .withState(m.status().name());
            Instant receivedAt = first.map(FirstReport::receivedAt).orElse(m.openedAt());
            List<StatsFact> facts = new ArrayList<>();
            facts.add(opened);
            if (m.emergencyAt() != null) {
                facts.add(opened.as("cases.emergency", time.dateOf(m.emergencyAt())));
            }
            if (m.screenedOutAt() != null) {
                facts.add(opened.as("cases.screened_out", time.dateOf(m.screenedOutAt())));
            }
            if (m.mergedAt() != null) {
                facts.add(opened.as("cases.merged", time.dateOf(m.mergedAt())));
            }
            if (m.closedAt() != null) {
                facts.add(opened.as("cases.closed", time.dateOf(m.closedAt())));
                facts.add(opened.as("cases.closed", time.dateOf(m.closedAt()))
                        .duration("time.closure", minutesBetween(receivedAt, m.closedAt())));
            }
            if (m.acceptedAt() != null) {
                facts.add(opened.as("time.acceptance", time.dateOf(m.acceptedAt()))
                        .duration("time.acceptance", minutesBetween(receivedAt, m.acceptedAt())));
            }
            if (m.decidedAt() != null && m.acceptanceDue() != null) {
                facts.add(m.decidedAt().isAfter(m.acceptanceDue())
                        ? opened.as("sla.acceptance.late", time.dateOf(m.acceptanceDue()))
                        : opened.as("sla.acceptance.on_time", time.dateOf(m.decidedAt())));
            }
            else if (m.decidedAt() == null && m.acceptanceDue() != null && m.acceptanceDue().isBefore(time.now())) {
                facts.add(opened.as("sla.acceptance.late", time.dateOf(m.acceptanceDue())));
            }
            return facts;
        }

        @Override
        public List<Long> subjectsAfter(long afterId, int limit) {
            return caseFiles.caseIdsAfter(afterId, limit);
        }

        /** What a case's statistics take from its first report. */
        private record FirstReport(Channel channel, InstitutionType institutionType, Instant receivedAt) {
        }
    }
}

package cn.childprotect.cms.intake;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseMilestones;
import cn.childprotect.cms.cases.events.CaseOpened;
import cn.childprotect.cms.cases.events.CaseStatusChanged;
import cn.childprotect.cms.intake.events.PoliceNotificationRecorded;
import cn.childprotect.cms.intake.events.ReportReceived;
import cn.childprotect.cms.intake.events.ReportRelinked;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.sla.SlaPolicy;
import cn.childprotect.cms.shared.sla.WorkingCalendar;
import cn.childprotect.cms.shared.stats.StatsFact;
import cn.childprotect.cms.shared.stats.StatsFactSource;

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
     * within the policy's time (1 h by default).
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
                default -> List.of();
            };
        }

        @Override
        public List<StatsFact> factsOf(long reportId) {
            Optional<Report> found = reports.findById(reportId);
            if (found.isEmpty()) {
                return List.of();
            }
            Report report = found.get();
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
                facts.add(received.as(report.policeNotifiedAt().isAfter(due) ? "sla.police.late" : "sla.police.on_time",
                        time.dateOf(report.policeNotifiedAt())));
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
     * whether the case left RECEIVED by its acceptance deadline (sla.acceptance.*).
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
                default -> List.of();
            };
        }

        @Override
        public List<StatsFact> factsOf(long caseId) {
            Optional<CaseMilestones> found = caseFiles.milestones(caseId);
            if (found.isEmpty()) {
                return List.of();
            }
            CaseMilestones m = found.get();
            Optional<Report> first = reports.findByCaseIdOrderById(caseId).stream().findFirst();
            StatsFact opened = StatsFact.count("cases.opened", time.dateOf(m.openedAt()), m.villageCode())
                    .withCategory(primaryCategory(m.categories(), taxonomy))
                    .withChannel(first.map(r -> r.channel().name()).orElse(""))
                    .withInstitution(first.map(Report::reporterInstitutionType).map(Enum::name).orElse(""))
                    .withState(m.status().name());
            Instant receivedAt = first.map(Report::receivedAt).orElse(m.openedAt());
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
                facts.add(opened.as(m.decidedAt().isAfter(m.acceptanceDue()) ? "sla.acceptance.late"
                        : "sla.acceptance.on_time", time.dateOf(m.decidedAt())));
            }
            return facts;
        }

        @Override
        public List<Long> subjectsAfter(long afterId, int limit) {
            return caseFiles.caseIdsAfter(afterId, limit);
        }
    }
}

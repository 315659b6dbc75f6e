package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.ChildCaseRow;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.RelatedChild;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * History of involvement (docs/domain.md §8): every earlier report and case (and, through
 * {@link InvolvementSource}, register entry and measure) of a child and of the children of the same
 * family, so that an operator sees at once that this is the fourth call about a family.
 * <p>
 * Who: hotline operators and supervisors county-wide (the county of their jurisdiction), a child
 * director for a child of their village or of a case they work (404 otherwise); other roles 403.
 * Entries outside the viewer's county are left out. Names are masked unless the viewer works a case
 * of that child; case numbers are shown to operators and supervisors, and to directors within their
 * scope. Every read is audited.
 */
@Service
@Transactional
public class InvolvementHistory {

    static final int RELATED_LIMIT = 50;

    private final ChildRegistry registry;
    private final Reports reports;
    private final CaseQueries caseQueries;
    private final CaseFiles caseFiles;
    private final ObjectProvider<InvolvementSource> sources;
    private final BusinessTime time;
    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    InvolvementHistory(ChildRegistry registry, Reports reports, CaseQueries caseQueries, CaseFiles caseFiles,
            ObjectProvider<InvolvementSource> sources, BusinessTime time, ApplicationEventPublisher events,
            MessageSource messages) {
        this.registry = registry;
        this.reports = reports;
        this.caseQueries = caseQueries;
        this.caseFiles = caseFiles;
        this.sources = sources;
        this.time = time;
        this.events = events;
        this.messages = messages;
    }

    /**
     * The history of the child of a case, for the case file of someone who works the case (the
     * caller checked): empty when this viewer may not read it. Never a refusal, so the case file
     * stays one transaction.
     */
    public Optional<ChildHistory> forCaseFile(long childId, CurrentUser viewer) {
        return mayReadHistories(viewer) ? readable(childId, viewer) : Optional.empty();
    }

    public ChildHistory forChild(long childId, CurrentUser viewer) {
        if (!mayReadHistories(viewer)) {
            throw Refusal.notAllowed("history.not-allowed");
        }
        return readable(childId, viewer).orElseThrow(() -> Refusal.notFound("history.not-found"));
    }

    private static boolean mayReadHistories(CurrentUser viewer) {
        return viewer.is(Role.HOTLINE_OPERATOR) || viewer.is(Role.SUPERVISOR) || viewer.is(Role.CHILD_DIRECTOR);
    }

    /** The history if the viewer may read this child's, else empty (a refusal of "not found"). */
    private Optional<ChildHistory> readable(long childId, CurrentUser viewer) {
        ChildSummary child = registry.find(childId).orElse(null);
        if (child == null) {
            return Optional.empty();
        }
        String county = viewer.jurisdictionCode().substring(0, 6);
        Map<Long, RelatedChild.Relation> family = new LinkedHashMap<>();
        registry.related(childId, RELATED_LIMIT).forEach(r -> family.put(r.childId(), r.how()));
        List<ChildCaseRow> cases = caseQueries.ofChildren(family.keySet()).stream()
                .filter(c -> c.villageCode().startsWith(county)).toList();
        Set<Long> workedCases = cases.stream().filter(c -> caseFiles.isWorkedBy(c.id(), viewer)).map(ChildCaseRow::id)
                .collect(Collectors.toSet());
        Set<Long> workedChildren = cases.stream().filter(c -> workedCases.contains(c.id())).map(ChildCaseRow::childId)
                .collect(Collectors.toSet());
        boolean mayRead = viewer.is(Role.CHILD_DIRECTOR)
                ? viewer.covers(child.villageCode()) || workedChildren.contains(childId)
                : child.villageCode().startsWith(county);
        if (!mayRead) {
            return Optional.empty();
        }
        Map<Long, String> labels = new LinkedHashMap<>();
        Map<Long, ChildSummary> summaries = registry.findAll(family.keySet()).stream()
                .collect(Collectors.toMap(ChildSummary::id, s -> s));
        summaries.forEach((id, s) -> labels.put(id,
                workedChildren.contains(id) ? s.label() : ChildSummary.maskName(s.name())));

        List<ChildHistory.Entry> entries = new ArrayList<>();
        Map<Long, ChildCaseRow> caseById = cases.stream().collect(Collectors.toMap(ChildCaseRow::id, c -> c));
        List<Report> found = reports.findByChildIdInOrderByReceivedAtDesc(family.keySet()).stream()
                .filter(r -> r.villageCode().startsWith(county)).toList();
        for (Report r : found) {
            ChildCaseRow ofCase = r.caseId() == null ? null : caseById.get(r.caseId());
            entries.add(entry(InvolvementKind.REPORT, r.receivedAt(), r.childId(), family, labels, workedChildren,
                    r.receiptNumber(), ofCase == null ? null : ofCase.id(), r.categories(), null, null, null));
        }
        for (ChildCaseRow c : cases) {
            boolean numberVisible = !viewer.is(Role.CHILD_DIRECTOR) || viewer.covers(c.villageCode())
                    || workedCases.contains(c.id());
            entries.add(entry(InvolvementKind.CASE, c.openedAt(), c.childId(), family, labels, workedChildren,
                    numberVisible ? c.caseNumber() : null, numberVisible ? c.id() : null, c.categories(),
                    c.status().name(), c.statusLabel(), workedCases.contains(c.id()) ? c.outcomeReason() : null));
        }
        sources.orderedStream().flatMap(s -> s.involvementsOf(family.keySet()).stream())
                .filter(i -> i.villageCode() != null && i.villageCode().startsWith(county))
                .forEach(i -> entries.add(entry(i.kind(), i.at(), i.childId(), family, labels, workedChildren,
                        i.reference(), i.caseId(), Set.of(), null, i.statusLabel(), null)));
        entries.sort(Comparator.comparing(ChildHistory.Entry::at, Comparator.nullsLast(Comparator.reverseOrder())));

        Instant yearAgo = time.today().minusMonths(12).atStartOfDay(time.zone()).toInstant();
        Set<Long> otherChildren = new HashSet<>();
        entries.stream().map(ChildHistory.Entry::childId).filter(id -> family.get(id) != RelatedChild.Relation.SAME_CHILD
                && family.get(id) != RelatedChild.Relation.SAME_ID_NUMBER
                && family.get(id) != RelatedChild.Relation.SAME_NAME_AND_BIRTH_DATE).forEach(otherChildren::add);
        ChildHistory.Counts counts = new ChildHistory.Counts(
                (int) found.stream().filter(r -> !r.receivedAt().isBefore(yearAgo)).count(), found.size(), cases.size(),
                (int) cases.stream().filter(c -> c.status().isOpen()).count(), otherChildren.size());
        String summary = messages.getMessage("history.summary", new Object[] { counts.reportsLast12Months(),
                counts.reports(), counts.cases(), counts.openCases(), counts.relatedChildren() },
                LocaleContextHolder.getLocale());
        events.publishEvent(AuditEvent.success(viewer.username(), "CHILD_HISTORY_READ", "CHILD", childId)
                .withDetail(entries.size() + " entries"));
        boolean masked = !workedChildren.contains(childId);
        return Optional.of(new ChildHistory(childId, masked ? ChildSummary.maskName(child.name()) : child.label(), masked,
                counts, summary, entries));
    }

    private static ChildHistory.Entry entry(InvolvementKind kind, Instant at, long childId,
            Map<Long, RelatedChild.Relation> family, Map<Long, String> labels, Set<Long> workedChildren,
            String reference, Long caseId, Set<String> categories, String status, String statusLabel, String outcome) {
        RelatedChild.Relation relation = family.getOrDefault(childId, RelatedChild.Relation.SHARED_GUARDIAN);
        return new ChildHistory.Entry(kind, kind.label(), at, childId, labels.get(childId),
                !workedChildren.contains(childId), relation, Labels.of(relation), reference, caseId,
                categories == null ? Set.of() : Set.copyOf(categories), status, statusLabel, outcome);
    }
}

package cn.childprotect.cms.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import jakarta.persistence.criteria.Predicate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cases module's facade for reading: the scoped case list, the case file and its timeline.
 * Scoping is part of every query (village code LIKE the caller's prefix), never a filter after
 * it; reads of a case file are audited.
 */
@Service
@Transactional(readOnly = true)
public class CaseQueries {

    private final Cases cases;
    private final TimelineEntries timeline;
    private final CaseWorkflow workflow;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final ChildDirectory children;
    private final ObjectProvider<CaseDetailSection> sections;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;

    CaseQueries(Cases cases, TimelineEntries timeline, CaseWorkflow workflow, CaseFiles caseFiles,
            Jurisdictions jurisdictions, ChildDirectory children, ObjectProvider<CaseDetailSection> sections,
            ApplicationEventPublisher events, BusinessTime time) {
        this.cases = cases;
        this.timeline = timeline;
        this.workflow = workflow;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.children = children;
        this.sections = sections;
        this.events = events;
        this.time = time;
    }

    /** Roles that may list cases at all: those who work them, and the hotline looking for a case to link. */
    public static boolean mayList(CurrentUser user) {
        return user.is(Role.SUPERVISOR) || user.is(Role.CHILD_DIRECTOR) || user.is(Role.HOTLINE_OPERATOR);
    }

    public Page<CaseListRow> search(CaseSearch search, Pageable pageable, CurrentUser user) {
        if (!mayList(user)) {
            throw Refusal.notAllowed("当前角色不能查看个案列表");
        }
        JurisdictionScope scope = user.scope().narrowTo(search.jurisdictionPrefix());
        if (scope == null) {
            return Page.empty(pageable);
        }
        Instant now = time.now();
        List<Long> childMatches = search.text() == null || search.text().isBlank() ? null
                : children.matchingChildren(search.text().strip(), scope);
        Specification<CaseFile> spec = (root, query, cb) -> {
            List<Predicate> where = new ArrayList<>();
            where.add(cb.like(root.get("villageCode"), scope.likePattern()));
            if (search.statuses() != null && !search.statuses().isEmpty()) {
                where.add(root.get("status").in(search.statuses()));
            }
            if (search.assignedToMe()) {
                where.add(cb.equal(root.get("assignee"), user.username()));
            }
            if (search.category() != null && !search.category().isBlank()) {
                where.add(cb.equal(root.join("categories"), search.category()));
            }
            if (search.overdueOnly()) {
                where.add(cb.lessThan(root.get("statusDeadline"), now));
            }
            if (search.riskLevel() != null) {
                where.add(cb.equal(root.get("riskLevel"), search.riskLevel()));
            }
            if (search.receivedFrom() != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("openedAt"), startOf(search.receivedFrom())));
            }
            if (search.receivedTo() != null) {
                where.add(cb.lessThan(root.get("openedAt"), startOf(search.receivedTo().plusDays(1))));
            }
            if (childMatches != null) {
                String text = search.text().strip().toUpperCase();
                Predicate byNumber = cb.equal(root.get("caseNumber"), text);
                where.add(childMatches.isEmpty() ? byNumber : cb.or(byNumber, root.get("childId").in(childMatches)));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
        Page<CaseFile> page = cases.findAll(spec, pageable);
        return toRows(page, user, now);
    }

    private Page<CaseListRow> toRows(Page<CaseFile> page, CurrentUser user, Instant now) {
        Set<Long> worked = page.getContent().stream().filter(c -> CasePermissions.works(user, c))
                .map(CaseFile::childId).collect(Collectors.toSet());
        Set<Long> others = page.getContent().stream().map(CaseFile::childId).filter(id -> !worked.contains(id))
                .collect(Collectors.toSet());
        Map<Long, String> full = worked.isEmpty() ? Map.of() : children.labels(worked);
        Map<Long, String> masked = others.isEmpty() ? Map.of() : children.maskedLabels(others);
        Map<String, String> villageNames = new LinkedHashMap<>();
        return page.map(c -> {
            boolean works = CasePermissions.works(user, c);
            String label = works ? full.get(c.childId()) : masked.get(c.childId());
            String village = villageNames.computeIfAbsent(c.villageCode(), jurisdictions::nameOf);
            return new CaseListRow(c.id(), c.caseNumber(), c.status(), c.status().label(), c.villageCode(), village,
                    c.categories(), c.urgent(), c.riskLevel(), c.assignee(), c.openedAt(), c.statusDeadline(),
                    c.isOverdueAt(now), c.childId(), label, !works);
        });
    }

    /** The case file for someone who works it; the read is audited. Writes an audit row, so read-write. */
    @Transactional
    public CaseDetail detail(long caseId, CurrentUser user) {
        CaseFile file = caseFiles.loadForWork(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_READ", "CASE", caseId));
        List<CaseDetail.AllowedEvent> allowed = workflow.eventsFrom(file.status()).stream()
                .filter(e -> CasePermissions.mayFire(user, file, e)).sorted()
                .map(e -> new CaseDetail.AllowedEvent(e, e.label(), e.needsReason())).toList();
        Map<String, Object> parts = new LinkedHashMap<>();
        sections.orderedStream().forEach(section -> parts.put(section.name(), section.describe(caseId, user)));
        return new CaseDetail(file.id(), file.caseNumber(), file.status(), file.status().label(), file.version(),
                file.villageCode(), jurisdictions.nameOf(file.villageCode()), file.categories(), file.urgent(),
                file.riskLevel(), file.assignee(), file.openedAt(), file.statusEnteredAt(), file.statusDeadline(),
                file.isOverdueAt(time.now()), file.closedAt(), file.outcomeReason(), file.mergedInto(),
                file.childId(), children.childCard(file.childId()), allowed, parts);
    }

    @Transactional
    public List<CaseTimelineItem> timeline(long caseId, CurrentUser user) {
        caseFiles.loadForWork(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_TIMELINE_READ", "CASE", caseId));
        return timeline.findByCaseIdOrderByIdAsc(caseId).stream().map(TimelineEntry::toItem).toList();
    }

    /** Overdue cases, earliest deadline first, for the escalation sweep (an index range scan: cost follows the result). */
    public List<OverdueCase> overdue(Instant now, int limit) {
        return cases.findOverdueRows(now, Pageable.ofSize(limit));
    }

    private Instant startOf(LocalDate date) {
        return date.atStartOfDay(time.zone()).toInstant();
    }
}

package cn.childprotect.cms.cases;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
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

    /** A list's total is counted up to here ("1,000+"), never over the whole scope. */
    public static final int COUNT_CAP = 1000;

    private final Cases cases;
    private final TimelineEntries timeline;
    private final CaseWorkflow workflow;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final ChildRegistry children;
    private final ObjectProvider<TimelineRedaction> redactions;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final EntityManager entityManager;
    private final CaseScreening screening;
    private final TimelineNotes notes;
    private final org.springframework.context.MessageSource messages;

    CaseQueries(Cases cases, TimelineEntries timeline, CaseWorkflow workflow, CaseFiles caseFiles,
            Jurisdictions jurisdictions, ChildRegistry children,
            ObjectProvider<TimelineRedaction> redactions, ApplicationEventPublisher events, BusinessTime time,
            EntityManager entityManager, CaseScreening screening, TimelineNotes notes,
            org.springframework.context.MessageSource messages) {
        this.notes = notes;
        this.messages = messages;
        this.screening = screening;
        this.cases = cases;
        this.timeline = timeline;
        this.workflow = workflow;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.children = children;
        this.redactions = redactions;
        this.events = events;
        this.time = time;
        this.entityManager = entityManager;
    }

    /** Roles that may list cases at all: those who work them, and the hotline looking for a case to link. */
    public static boolean mayList(CurrentUser user) {
        return user.is(Role.SUPERVISOR) || user.is(Role.CHILD_DIRECTOR) || user.is(Role.HOTLINE_OPERATOR);
    }

    /**
     * Kept for callers that want a {@link Page}; its total is capped like {@link CaseList#total()}.
     * Only the first order of the pageable counts.
     */
    public Page<CaseListRow> search(CaseSearch search, Pageable pageable, CurrentUser user) {
        CaseSort sort = pageable.getSort().stream().findFirst()
                .map(o -> new CaseSort(o.getProperty(), o.isDescending())).orElse(CaseSort.NEWEST);
        CaseList list = list(search, pageable.getPageNumber(), pageable.getPageSize(), sort, user);
        return new PageImpl<>(list.items(), pageable, list.total());
    }

    /**
     * One page of the scoped case list. Its cost follows the page, not the table: rows are read in
     * the order of an index that starts with the sort column (V7_6_1), one row more than the page
     * tells whether there is a next one, and the total is counted only up to {@link #COUNT_CAP}.
     */
    public CaseList list(CaseSearch search, int page, int size, CaseSort sort, CurrentUser user) {
        return list(search, page, size, sort, user, null);
    }

    /**
     * The same, continuing after {@code after}: the {@link CaseList#nextKey()} of the page before,
     * so a deep page seeks to its first row in the index instead of skipping {@code page × size}
     * rows. {@code page} then only numbers the rows; a key of another order is ignored (the page
     * is read by offset).
     */
    public CaseList list(CaseSearch search, int page, int size, CaseSort sort, CurrentUser user, String after) {
        if (!mayList(user)) {
            throw Refusal.notAllowed("cases.list.not-for-role");
        }
        int offset = Math.max(page, 0) * size;
        JurisdictionScope scope = user.scope().narrowTo(search.jurisdictionPrefix());
        if (scope == null) {
            return new CaseList(List.of(), Math.max(page, 0), size, false, 0, true, null);
        }
        Instant now = time.now();
        boolean byText = search.text() != null && !search.text().isBlank();
        // the child's name and ID number are searched only where the caller sees them in clear
        List<Long> childMatches = !byText ? null
                : mayMatchChildren(user) ? matchingChildren(search.text().strip(), scope) : List.of();
        Filter filter = new Filter(search, scope, user, now, childMatches,
                search.receivedFrom() == null ? null : startOf(search.receivedFrom()),
                search.receivedTo() == null ? null : startOf(search.receivedTo().plusDays(1)));
        SeekKey key = after == null || page <= 0 ? null : SeekKey.parse(after, sort);
        List<CaseFile> rows;
        if (sort.property().equals("statusDeadline")) {
            rows = byDeadline(filter, sort, key, offset, size + 1);
        }
        else {
            rows = key != null ? fetch(filter, null, sort, key, 0, size + 1) : fetch(filter, null, sort, null, offset, size + 1);
        }
        boolean hasNext = rows.size() > size;
        List<CaseFile> content = hasNext ? rows.subList(0, size) : rows;
        long total;
        boolean exact;
        if (!hasNext && (!content.isEmpty() || offset == 0)) {
            total = offset + content.size();
            exact = true;
        }
        else {
            long counted = countUpTo(filter, null, COUNT_CAP + 1);
            exact = counted <= COUNT_CAP;
            total = Math.min(counted, COUNT_CAP);
        }
        String nextKey = hasNext ? SeekKey.after(content.getLast(), sort).toString() : null;
        return new CaseList(toRows(content, user, now), Math.max(page, 0), size, hasNext, total, exact, nextKey);
    }

    /** Cases with a deadline in its order, then those without one (closed), newest first. */
    private List<CaseFile> byDeadline(Filter filter, CaseSort sort, SeekKey key, int offset, int limit) {
        CaseSort rest = new CaseSort("openedAt", true);
        if (key != null && key.property().equals("openedAt")) {
            return fetch(filter, Boolean.FALSE, rest, key, 0, limit);
        }
        List<CaseFile> withDeadline = key != null ? fetch(filter, Boolean.TRUE, sort, key, 0, limit)
                : fetch(filter, Boolean.TRUE, sort, null, offset, limit);
        if (withDeadline.size() >= limit) {
            return withDeadline;
        }
        // how many cases with a deadline precede the page decides where the rest starts
        long before = key != null || !withDeadline.isEmpty() ? offset + withDeadline.size()
                : countUpTo(filter, Boolean.TRUE, offset);
        int restOffset = key != null ? 0 : (int) Math.max(0, offset - before);
        List<CaseFile> rows = new ArrayList<>(withDeadline);
        rows.addAll(fetch(filter, Boolean.FALSE, rest, null, restOffset, limit - rows.size()));
        return rows;
    }

    private List<CaseFile> fetch(Filter filter, Boolean hasDeadline, CaseSort sort, SeekKey key, int offset, int limit) {
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<CaseFile> query = cb.createQuery(CaseFile.class);
        Root<CaseFile> root = query.from(CaseFile.class);
        Predicate[] where = filter.predicates(root, cb, hasDeadline);
        if (key != null) {
            where = java.util.Arrays.copyOf(where, where.length + 1);
            where[where.length - 1] = key.beyond(root, cb, sort.descending());
        }
        query.where(where);
        var column = root.get(sort.property());
        var id = root.get("id");
        query.orderBy(sort.descending() ? List.of(cb.desc(column), cb.desc(id)) : List.of(cb.asc(column), cb.asc(id)));
        return entityManager.createQuery(query).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    /**
     * Counts matching cases up to {@code cap}, in the database: first whether a {@code cap}-th
     * match exists (the server skips cap − 1 index entries and sends back one id), and only if not,
     * an exact count, then of fewer than {@code cap} rows. Before, up to 1,001 ids travelled into Java.
     */
    private long countUpTo(Filter filter, Boolean hasDeadline, int cap) {
        if (cap <= 0) {
            return 0;
        }
        CriteriaBuilder cb = entityManager.getCriteriaBuilder();
        CriteriaQuery<Long> probe = cb.createQuery(Long.class);
        Root<CaseFile> probed = probe.from(CaseFile.class);
        probe.select(probed.get("id")).where(filter.predicates(probed, cb, hasDeadline));
        if (!entityManager.createQuery(probe).setFirstResult(cap - 1).setMaxResults(1).getResultList().isEmpty()) {
            return cap;
        }
        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<CaseFile> counted = count.from(CaseFile.class);
        count.select(cb.count(counted)).where(filter.predicates(counted, cb, hasDeadline));
        return entityManager.createQuery(count).getSingleResult();
    }

    /**
     * Where a page ends in its order: the sort column's value and the id of its last row
     * ({@code openedAt~2026-11-24T00:00:00Z~42}). By deadline, a page that ends among the cases
     * without one carries the openedAt key of their part of the list.
     */
    record SeekKey(String property, Object value, long id) {

        static SeekKey after(CaseFile last, CaseSort sort) {
            return switch (sort.property()) {
                case "statusDeadline" -> last.statusDeadline() == null ? new SeekKey("openedAt", last.openedAt(), last.id())
                        : new SeekKey("statusDeadline", last.statusDeadline(), last.id());
                case "caseNumber" -> new SeekKey("caseNumber", last.caseNumber(), last.id());
                default -> new SeekKey("openedAt", last.openedAt(), last.id());
            };
        }

        /** The key, or null when it is malformed or belongs to another order. */
        static SeekKey parse(String text, CaseSort sort) {
            String[] parts = text.split("~", 3);
            if (parts.length != 3) {
                return null;
            }
            boolean fits = parts[0].equals(sort.property())
                    || parts[0].equals("openedAt") && sort.property().equals("statusDeadline");
            if (!fits) {
                return null;
            }
            try {
                int lastTilde = text.lastIndexOf('~');
                long id = Long.parseLong(text.substring(lastTilde + 1));
                String value = text.substring(parts[0].length() + 1, lastTilde);
                return new SeekKey(parts[0], parts[0].equals("caseNumber") ? value : Instant.parse(value), id);
            }
            catch (RuntimeException malformed) {
                return null;
            }
        }

        /** Rows after this one in the order: (column, id) beyond (value, id), an index range. */
        @SuppressWarnings({ "unchecked", "rawtypes" })
        Predicate beyond(Root<CaseFile> root, CriteriaBuilder cb, boolean descending) {
            boolean desc = descending;
            jakarta.persistence.criteria.Expression<Comparable> column = root.get(property);
            jakarta.persistence.criteria.Expression<Long> idColumn = root.get("id");
            Comparable v = (Comparable) value;
            Predicate past = desc ? cb.lessThan(column, v) : cb.greaterThan(column, v);
            Predicate tie = cb.and(cb.equal(column, v), desc ? cb.lessThan(idColumn, id) : cb.greaterThan(idColumn, id));
            return cb.or(past, tie);
        }

        @Override
        public String toString() {
            return property + "~" + value + "~" + id;
        }
    }

    /** The list's WHERE clause; the scope is always part of it. */
    private record Filter(CaseSearch search, JurisdictionScope scope, CurrentUser user, Instant now,
            List<Long> childMatches, Instant from, Instant toExclusive) {

        Predicate[] predicates(Root<CaseFile> root, CriteriaBuilder cb, Boolean hasDeadline) {
            List<Predicate> where = new ArrayList<>();
            // a village's scope is one value: equality lets (village_code, opened_at) serve the order
            where.add(scope.prefix().length() == 12 ? cb.equal(root.get("villageCode"), scope.prefix())
                    : cb.like(root.get("villageCode"), scope.likePattern()));
            if (search.statuses() != null && !search.statuses().isEmpty()) {
                where.add(search.statuses().size() == 1 ? cb.equal(root.get("status"), search.statuses().iterator().next())
                        : root.get("status").in(search.statuses()));
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
            if (hasDeadline != null) {
                where.add(hasDeadline ? cb.isNotNull(root.get("statusDeadline")) : cb.isNull(root.get("statusDeadline")));
            }
            if (search.riskLevel() != null) {
                where.add(cb.equal(root.get("riskLevel"), search.riskLevel()));
            }
            if (search.urgentOnly()) {
                where.add(cb.isTrue(root.get("urgent")));
            }
            if (search.assignee() != null && !search.assignee().isBlank()) {
                where.add(cb.equal(root.get("assignee"), search.assignee().strip()));
            }
            if (from != null) {
                where.add(cb.greaterThanOrEqualTo(root.get("openedAt"), from));
            }
            if (toExclusive != null) {
                where.add(cb.lessThan(root.get("openedAt"), toExclusive));
            }
            if (childMatches != null) {
                String text = search.text().strip().toUpperCase();
                Predicate byNumber = cb.equal(root.get("caseNumber"), text);
                where.add(childMatches.isEmpty() ? byNumber : cb.or(byNumber, cb.and(root.get("childId").in(childMatches),
                        CasePermissions.worksInScope(user, root, cb))));
            }
            return where.toArray(Predicate[]::new);
        }
    }

    /** Whether the caller works any case in clear at all (supervisor, child director); the hotline sees every name masked. */
    private static boolean mayMatchChildren(CurrentUser user) {
        return user.is(Role.SUPERVISOR) || user.is(Role.CHILD_DIRECTOR);
    }

    private List<CaseListRow> toRows(List<CaseFile> page, CurrentUser user, Instant now) {
        Set<Long> worked = page.stream().filter(c -> CasePermissions.works(user, c))
                .map(CaseFile::childId).collect(Collectors.toSet());
        Set<Long> others = page.stream().map(CaseFile::childId).filter(id -> !worked.contains(id))
                .collect(Collectors.toSet());
        Map<Long, String> full = worked.isEmpty() ? Map.of() : childLabels(worked, false);
        Map<Long, String> masked = others.isEmpty() ? Map.of() : childLabels(others, true);
        Map<String, String> villageNames = new LinkedHashMap<>();
        return page.stream().map(c -> {
            boolean works = CasePermissions.works(user, c);
            String label = works ? full.get(c.childId()) : masked.get(c.childId());
            String village = villageNames.computeIfAbsent(c.villageCode(), jurisdictions::nameOf);
            return new CaseListRow(c.id(), c.caseNumber(), c.status(), c.status().label(), c.villageCode(), village,
                    c.categories(), c.urgent(), c.riskLevel(), c.assignee(), c.openedAt(), c.statusDeadline(),
                    c.isOverdueAt(now), c.childId(), label, !works);
        }).toList();
    }

    /** Full or masked (first character, then stars) label per child id; one query. */
    private Map<Long, String> childLabels(Set<Long> childIds, boolean masked) {
        Map<Long, String> labels = new LinkedHashMap<>();
        children.findAll(childIds).forEach(c -> labels.put(c.id(), masked ? ChildSummary.maskName(c.name()) : c.label()));
        return labels;
    }

    /** Children matching a name fragment (in scope) or an exact resident ID number (through its keyed hash). */
    private List<Long> matchingChildren(String text, JurisdictionScope scope) {
        if (text.matches("\\d{17}[\\dXx]")) {
            return children.findChildIdsByIdNumber(text);
        }
        return children.findChildIdsByName(text, scope);
    }

    /**
     * The case for someone who works it; the read is audited (CASE_READ). The case file page
     * ({@code casefile}) starts here, so its whole read is audited once. Writes an audit row, so read-write.
     */
    @Transactional
    public CaseDetail detail(long caseId, CurrentUser user) {
        CaseFile file = caseFiles.loadForWork(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_READ", "CASE", caseId));
        List<CaseDetail.AllowedEvent> allowed = workflow.eventsFrom(file.status()).stream()
                .filter(e -> CasePermissions.mayFire(user, file, e)).sorted()
                .map(e -> new CaseDetail.AllowedEvent(e, e.label(), e.needsReason())).toList();
        return new CaseDetail(file.id(), file.caseNumber(), file.status(), file.status().label(), file.version(),
                file.villageCode(), jurisdictions.nameOf(file.villageCode()), file.categories(), file.urgent(),
                file.riskLevel(), file.assignee(), file.openedAt(), file.statusEnteredAt(), file.statusDeadline(),
                file.isOverdueAt(time.now()), file.closedAt(), outcomeReason(file), file.mergedInto(),
                file.childId(), allowed, screening.view(file));
    }

    /** The outcome reason in the reader's language: the system's message, else what a person wrote. */
    private String outcomeReason(CaseFile file) {
        return file.outcomeReasonKey() == null ? file.outcomeReason()
                : messages.getMessage(file.outcomeReasonKey(), null, file.outcomeReasonKey(), TimelineNotes.readerLocale());
    }

    /** The case's timeline in the reader's language, each actor the viewer may not know withheld. */
    @Transactional
    public List<CaseTimelineItem> timeline(long caseId, CurrentUser user) {
        caseFiles.loadForWork(caseId, user);
        events.publishEvent(AuditEvent.success(user.username(), "CASE_TIMELINE_READ", "CASE", caseId));
        List<TimelineRedaction> redactions = this.redactions.orderedStream().toList();
        Locale locale = TimelineNotes.readerLocale();
        return timeline.findByCaseIdOrderByIdAsc(caseId).stream().map(entry -> entry.toItem(notes, locale))
                .map(item -> redactions.stream().anyMatch(r -> r.hidesActor(item, user)) ? item.withoutActor() : item)
                .toList();
    }

    private Instant startOf(java.time.LocalDate date) {
        return date.atStartOfDay(time.zone()).toInstant();
    }

    /**
     * Every case of these children, newest first, unscoped: for the history of involvement, whose
     * facade scopes and masks (docs/domain.md §8).
     */
    @Transactional(readOnly = true)
    public List<ChildCaseRow> ofChildren(Collection<Long> childIds) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        return cases.findByChildIdIn(childIds).stream().sorted(java.util.Comparator.comparing(CaseFile::openedAt).reversed())
                .map(c -> new ChildCaseRow(c.id(), c.caseNumber(), c.childId(), c.villageCode(), c.status(),
                        c.status().label(), c.categories(), c.openedAt(), c.closedAt(), outcomeReason(c), c.mergedInto()))
                .toList();
    }

    /** Overdue cases, earliest deadline first, for the escalation sweep (an index range scan: cost follows the result). */
    public List<OverdueCase> overdue(Instant now, int limit) {
        return overdue(now, cn.childprotect.cms.shared.deadlines.DeadlineKey.START, limit);
    }

    /** The same after a (deadline, case id) key, for a sweep that works through a backlog (index cases_case_deadline). */
    @Transactional(readOnly = true)
    public List<OverdueCase> overdue(Instant now, cn.childprotect.cms.shared.deadlines.DeadlineKey after, int limit) {
        return cases.findOverdueRows(now, after.deadline(), after.sourceId(), Pageable.ofSize(limit));
    }

}

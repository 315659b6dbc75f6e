package cn.childprotect.cms.intake;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.ChildCaseRow;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.CappedTotal;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding a child by name (docs/domain.md §3.5): full name, part of it, full pinyin or initials, with
 * birth year and village, over every child on record (of cases and of the register), scoped and paged.
 * Supervisors and child directors search their jurisdiction; hotline operators the county, because
 * they must recognise a child who is already known while the caller is on the line — but they see
 * every row masked, as a masked list row (masked name, sex, birth year, village, open case), and so
 * does everyone for a child whose case they do not work. Every search is audited (not its text).
 */
@Service
@Transactional
public class ChildSearch {

    public static final int MAX_PAGE_SIZE = 50;

    private final ChildRegistry registry;
    private final CaseQueries caseQueries;
    private final CaseFiles caseFiles;
    private final Jurisdictions jurisdictions;
    private final ApplicationEventPublisher events;

    ChildSearch(ChildRegistry registry, CaseQueries caseQueries, CaseFiles caseFiles, Jurisdictions jurisdictions,
            ApplicationEventPublisher events) {
        this.registry = registry;
        this.caseQueries = caseQueries;
        this.caseFiles = caseFiles;
        this.jurisdictions = jurisdictions;
        this.events = events;
    }

    /** One child found; {@code openCaseNumber} only for a case in the caller's jurisdiction. */
    public record Found(long childId, String label, boolean masked, Sex sex, Integer birthYear, String villageCode,
            String villageName, Long openCaseId, String openCaseNumber) {
    }

    /** {@code total} is exact up to 1,000 ({@code totalExact}); beyond, 1,000 and "more" (CappedTotal). */
    public record Page(List<Found> items, long total, int page, int size, boolean totalExact) {
    }

    public Page search(String query, Integer birthYear, String villageCode, int page, int size, CurrentUser user) {
        if (!user.is(Role.HOTLINE_OPERATOR) && !user.is(Role.SUPERVISOR) && !user.is(Role.CHILD_DIRECTOR)) {
            throw Refusal.notAllowed("child-search.not-allowed");
        }
        if (query == null || query.isBlank() || query.strip().length() > 50) {
            throw Refusal.invalidField("q", "child-search.query-required");
        }
        if (villageCode != null && !villageCode.isBlank() && !villageCode.strip().matches("\\d{6,12}")) {
            throw Refusal.invalidField("villageCode", "child-search.village-invalid");
        }
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        JurisdictionScope scope = user.is(Role.HOTLINE_OPERATOR)
                ? new JurisdictionScope(user.jurisdictionCode().substring(0, 6)) : user.scope();
        ChildRegistry.NameSearchPage found = registry.searchByName(query, birthYear, villageCode, scope,
                Math.max(0, page), pageSize);
        Set<Long> ids = found.children().stream().map(ChildSummary::id).collect(Collectors.toSet());
        List<ChildCaseRow> cases = caseQueries.ofChildren(ids);
        // the cases this user works, in one query for the page (not one look-up per case)
        Set<Long> workedCases = caseFiles.workedBy(cases.stream().map(ChildCaseRow::id).toList(), user);
        Set<Long> worked = cases.stream().filter(c -> workedCases.contains(c.id())).map(ChildCaseRow::childId)
                .collect(Collectors.toSet());
        Map<Long, ChildCaseRow> openCase = cases.stream().filter(c -> c.status().isOpen() && user.covers(c.villageCode()))
                .collect(Collectors.toMap(ChildCaseRow::childId, c -> c, (a, b) -> a.openedAt().isAfter(b.openedAt()) ? a : b));
        List<Found> items = found.children().stream().map(c -> {
            boolean masked = !worked.contains(c.id());
            ChildCaseRow open = openCase.get(c.id());
            return new Found(c.id(), masked ? ChildSummary.maskName(c.name()) : c.label(), masked, c.sex(),
                    c.birthDate() == null ? null : c.birthDate().getYear(), c.villageCode(),
                    jurisdictions.nameOf(c.villageCode()), open == null ? null : open.id(),
                    open == null ? null : open.caseNumber());
        }).toList();
        events.publishEvent(AuditEvent.success(user.username(), "CHILD_SEARCH", "CHILD", null)
                .withDetail(items.size() + " of " + CappedTotal.describe(found.total())));
        return new Page(items, CappedTotal.shown(found.total()), Math.max(0, page), pageSize,
                CappedTotal.isExact(found.total()));
    }

}

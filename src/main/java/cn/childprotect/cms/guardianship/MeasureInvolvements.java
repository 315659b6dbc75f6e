package cn.childprotect.cms.guardianship;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.ChildCaseRow;
import cn.childprotect.cms.intake.InvolvementKind;
import cn.childprotect.cms.intake.InvolvementSource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures' part of a child's history of involvement (docs/domain.md §8): every measure on a
 * case of the child or its family, found through the cases' facade. The history scopes and masks.
 */
@Component
class MeasureInvolvements implements InvolvementSource {

    private final Measures measures;
    private final CaseQueries cases;

    MeasureInvolvements(Measures measures, CaseQueries cases) {
        this.measures = measures;
        this.cases = cases;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Involvement> involvementsOf(Collection<Long> childIds) {
        Map<Long, Long> childOfCase = cases.ofChildren(childIds).stream()
                .collect(Collectors.toMap(ChildCaseRow::id, ChildCaseRow::childId, (a, b) -> a));
        if (childOfCase.isEmpty()) {
            return List.of();
        }
        return measures.findByCaseIdIn(childOfCase.keySet()).stream()
                .map(m -> new Involvement(InvolvementKind.MEASURE, m.id(), childOfCase.get(m.caseId()), m.createdAt(),
                        m.villageCode(), m.type().label(), m.status().label(), m.caseId()))
                .toList();
    }
}

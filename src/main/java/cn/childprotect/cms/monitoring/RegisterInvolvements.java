package cn.childprotect.cms.monitoring;

import java.util.Collection;
import java.util.List;

import cn.childprotect.cms.intake.InvolvementKind;
import cn.childprotect.cms.intake.InvolvementSource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's part of a child's history of involvement (docs/domain.md §8): every entry the
 * county has confirmed — drafts stay with their author and reviewers (§6.2), so they are left out.
 * The history scopes and masks what it shows.
 */
@Component
class RegisterInvolvements implements InvolvementSource {

    private final RegisterEntries entries;

    RegisterInvolvements(RegisterEntries entries) {
        this.entries = entries;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Involvement> involvementsOf(Collection<Long> childIds) {
        if (childIds.isEmpty()) {
            return List.of();
        }
        return entries.findByChildIdIn(childIds).stream().filter(e -> e.confirmedAt() != null)
                .map(e -> new Involvement(InvolvementKind.REGISTER_ENTRY, e.id(), e.childId(), e.confirmedAt(),
                        e.villageCode(), e.tier().label(), e.status().label(), e.caseId()))
                .toList();
    }
}

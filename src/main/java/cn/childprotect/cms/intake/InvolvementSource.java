package cn.childprotect.cms.intake;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * The seam through which the register (monitoring) and legal measures (guardianship) add their
 * entries to a child's history of involvement (docs/domain.md §8), without intake knowing them: a
 * bean per module, asked with the ids of the child and its family, answering every entry of those
 * children (the history scopes and masks them). Ids, codes and labels only, no names.
 */
public interface InvolvementSource {

    List<Involvement> involvementsOf(Collection<Long> childIds);

    /**
     * One entry: {@code kind} REGISTER_ENTRY or MEASURE, {@code sourceId} its id in its module,
     * {@code at} when it began, {@code reference} what a person reads (a register number, a measure's
     * type), {@code statusLabel} its state, {@code caseId} the case it belongs to, if any.
     */
    record Involvement(InvolvementKind kind, long sourceId, long childId, Instant at, String villageCode,
            String reference, String statusLabel, Long caseId) {
    }
}

package cn.childprotect.cms.cases;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.childprotect.cms.jurisdictions.JurisdictionScope;

/**
 * What the case pages need of the people module, as a port the cases module owns (so that
 * it does not depend on how children are stored; the intake module provides it): labels for list rows, the child card of the
 * detail page, and the children a free-text search matches.
 */
public interface ChildDirectory {

    /** Full label (name) per child id; one query. */
    Map<Long, String> labels(Collection<Long> childIds);

    /** Masked label (张**) per child id; one query. */
    Map<Long, String> maskedLabels(Collection<Long> childIds);

    /** The child as the detail page shows it to someone who works the case. */
    Object childCard(long childId);

    /** The child's birth date when it is known (derives the age item of the risk assessment). */
    default Optional<LocalDate> birthDate(long childId) {
        return Optional.empty();
    }

    /** Children matching a name fragment (in scope) or an exact resident ID number (through its keyed hash). */
    List<Long> matchingChildren(String text, JurisdictionScope scope);
}

package cn.childprotect.cms.jurisdictions;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The jurisdictions module's facade: look-ups in the division tree. */
@Service
@Transactional(readOnly = true)
public class Jurisdictions {

    private final Divisions divisions;

    Jurisdictions(Divisions divisions) {
        this.divisions = divisions;
    }

    public Optional<Division> find(String code) {
        if (!JurisdictionCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        return divisions.findById(code).map(DivisionEntity::toDivision);
    }

    /** Some division of the seed, for bootstrapping when nothing else is known. */
    public Optional<Division> any() {
        return divisions.findAll(org.springframework.data.domain.PageRequest.of(0, 1)).stream()
                .findFirst().map(DivisionEntity::toDivision);
    }

    public boolean isKnownVillage(String code) {
        return find(code).filter(d -> d.level() == DivisionLevel.VILLAGE).isPresent();
    }

    public String nameOf(String code) {
        return find(code).map(Division::name).orElse(code);
    }

    public List<Division> childrenOf(String code) {
        return divisions.findByParentCodeOrderByCode(code).stream().map(DivisionEntity::toDivision).toList();
    }

    /** Every division inside a scope, in code order (a county has a few hundred at most). */
    public List<Division> within(JurisdictionScope scope) {
        return divisions.findByCodeStartingWithOrderByCode(scope.prefix()).stream()
                .map(DivisionEntity::toDivision).toList();
    }
}

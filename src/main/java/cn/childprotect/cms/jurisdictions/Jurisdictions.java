package cn.childprotect.cms.jurisdictions;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The jurisdictions module's facade: look-ups in the division tree. */
@Service
@Transactional(readOnly = true)
public class Jurisdictions {

    private final Divisions divisions;
    /**
     * Divisions by code, read once: the tree changes only when the seed adds or renames one
     * ({@link #forget()}), and every filing and list looks codes up, so a read each time would
     * be a statement per look-up. A code not found is not remembered (it may be seeded later).
     */
    private final java.util.Map<String, Division> known = new java.util.concurrent.ConcurrentHashMap<>();

    Jurisdictions(Divisions divisions) {
        this.divisions = divisions;
    }

    /**
     * From memory once read, so without a transaction of its own (SUPPORTS): a filing asks for its
     * village two or three times, and each empty read-only transaction took a pooled connection and
     * a commit. A miss reads through the repository, which has its own.
     */
    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public Optional<Division> find(String code) {
        if (!JurisdictionCodes.isWellFormed(code)) {
            return Optional.empty();
        }
        Division cached = known.get(code);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Division> found = divisions.findById(code).map(DivisionEntity::toDivision);
        found.ifPresent(d -> known.put(code, d));
        return found;
    }

    /** After the seed changed the tree. */
    void forget() {
        known.clear();
    }

    /** Some division of the seed, for bootstrapping when nothing else is known. */
    public Optional<Division> any() {
        return divisions.findAll(org.springframework.data.domain.PageRequest.of(0, 1)).stream()
                .findFirst().map(DivisionEntity::toDivision);
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
    public boolean isKnownVillage(String code) {
        return find(code).filter(d -> d.level() == DivisionLevel.VILLAGE).isPresent();
    }

    @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
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

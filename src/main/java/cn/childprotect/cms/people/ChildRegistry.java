package cn.childprotect.cms.people;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.jurisdictions.JurisdictionScope;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.BusinessTime;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The people module's facade: registering children, finding them again, showing them. */
@Service
@Transactional
public class ChildRegistry {

    private final Children children;
    private final Guardians guardians;
    private final PiiCipher cipher;
    private final Jurisdictions jurisdictions;
    private final BusinessTime time;

    private final ChildNameIndex nameIndex;
    private final EntityManager entityManager;

    ChildRegistry(Children children, Guardians guardians, PiiCipher cipher, Jurisdictions jurisdictions,
            BusinessTime time, ChildNameIndex nameIndex, EntityManager entityManager) {
        this.nameIndex = nameIndex;
        this.entityManager = entityManager;
        this.children = children;
        this.guardians = guardians;
        this.cipher = cipher;
        this.jurisdictions = jurisdictions;
        this.time = time;
    }

    /**
     * The rules a described child must meet, as field errors (prefixed, e.g. {@code child.idNumber})
     * in Chinese; empty when valid. Callers report them together with their own. Reads nothing but
     * the (cached) division tree, so it opens no transaction of its own: an empty read-only
     * transaction per filing cost an EntityManager, a pooled connection and a commit.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<Refusal.FieldError> validate(ChildData data, String prefix) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (data == null) {
            errors.add(error(prefix, "name", "child.error.required"));
            return errors;
        }
        boolean named = data.name() != null && !data.name().isBlank();
        boolean describedUnknown = data.identityUnknown() && data.description() != null
                && !data.description().isBlank();
        boolean identified = data.idNumber() != null && !data.idNumber().isBlank();
        if (!named && !describedUnknown && !identified) {
            errors.add(error(prefix, "name", "child.error.identity"));
        }
        if (data.name() != null && data.name().length() > 50) {
            errors.add(error(prefix, "name", "child.error.name-too-long"));
        }
        LocalDate today = time.today();
        if (data.birthDate() != null && data.birthDate().isAfter(today)) {
            errors.add(error(prefix, "birthDate", "child.error.birth-future"));
        }
        if (data.birthDate() != null && data.birthDate().isBefore(today.minusYears(18))) {
            errors.add(error(prefix, "birthDate", "child.error.adult"));
        }
        if (data.estimatedAge() != null && (data.estimatedAge() < 0 || data.estimatedAge() > 17)) {
            errors.add(error(prefix, "estimatedAge", "child.error.estimated-age"));
        }
        if (data.idNumber() != null && !data.idNumber().isBlank()) {
            Optional<ResidentIdNumber> id = ResidentIdNumber.parse(data.idNumber());
            if (id.isEmpty()) {
                errors.add(error(prefix, "idNumber", "child.error.id-invalid"));
            }
            else {
                if (data.birthDate() != null && !data.birthDate().equals(id.get().birthDate())) {
                    errors.add(error(prefix, "birthDate", "child.error.birth-mismatch"));
                }
                if (data.sex() != null && data.sex() != Sex.UNKNOWN && data.sex() != id.get().sex()) {
                    errors.add(error(prefix, "sex", "child.error.sex-mismatch"));
                }
                if (id.get().birthDate().isAfter(today)) {
                    errors.add(error(prefix, "idNumber", "child.error.id-birth-future"));
                }
            }
        }
        if (data.villageCode() != null && !data.villageCode().isBlank() && !jurisdictions.isKnownVillage(data.villageCode())) {
            errors.add(error(prefix, "villageCode", "child.error.village-unknown", data.villageCode()));
        }
        if (data.address() != null && data.address().length() > 200) {
            errors.add(error(prefix, "address", "child.error.address-too-long"));
        }
        if (data.school() != null && data.school().length() > 100) {
            errors.add(error(prefix, "school", "child.error.school-too-long"));
        }
        if (data.description() != null && data.description().length() > 1000) {
            errors.add(error(prefix, "description", "child.error.description-too-long"));
        }
        List<ChildData.GuardianData> given = data.guardians() == null ? List.of() : data.guardians();
        for (int i = 0; i < given.size(); i++) {
            ChildData.GuardianData g = given.get(i);
            if (g == null || g.name() == null || g.name().isBlank() || g.name().length() > 50) {
                errors.add(error(prefix, "guardians[" + i + "].name", "child.error.guardian-name"));
            }
            if (g != null && g.phone() != null && !g.phone().isBlank() && !g.phone().strip().matches("[0-9+\\- ]{5,20}")) {
                errors.add(error(prefix, "guardians[" + i + "].phone", "child.error.phone"));
            }
        }
        return errors;
    }

    /** Who the described child may already be, in the given village (see {@link ChildMatch}). */
    @Transactional(readOnly = true)
    public ChildMatch match(ChildData data, String villageCode) {
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(data.idNumber());
        boolean named = data.name() != null && !data.name().isBlank();
        String name = named ? data.name().strip() : null;
        LocalDate birth = data.birthDate() != null ? data.birthDate() : id.map(ResidentIdNumber::birthDate).orElse(null);
        List<Child> namesakes;
        List<Long> samePinyin = null;
        if (id.isPresent()) {
            String hash = cipher.hash(id.get().value());
            List<Child> found;
            Optional<ChildNameIndex.SamePinyinQuery> pinyin = named && birth != null
                    ? nameIndex.samePinyinQuery(name, birth.getYear(), villageCode) : Optional.empty();
            if (pinyin.isPresent()) {
                // one read for all three: the child with this ID number, the namesakes in the village
                // and the children of the same pinyin (issue 19: a round trip less per filing)
                found = idNumberNamesakesAndSamePinyin(hash, name, villageCode, pinyin.get());
                samePinyin = samePinyinAmong(found, hash, name, villageCode, birth.getYear());
                found = found.stream().filter(c -> hash.equals(c.idNumberHash()) || isNamesake(c, name, villageCode)).toList();
            }
            else {
                // one read for both: the child with this ID number, else the namesakes in the village
                found = named ? children.findByIdNumberHashOrNameInVillage(hash, name, villageCode)
                        : children.findByIdNumberHash(hash);
            }
            Optional<Child> byId = found.stream().filter(c -> hash.equals(c.idNumberHash())).findFirst();
            if (byId.isPresent()) {
                return new ChildMatch(Optional.of(byId.get().id()), List.of());
            }
            namesakes = found; // none has the ID number: all are namesakes in the village
        }
        else {
            namesakes = named ? children.findByNameAndVillageCode(name, villageCode) : List.of();
        }
        if (!named) {
            return new ChildMatch(Optional.empty(), List.of());
        }
        if (birth != null) {
            Optional<Child> exact = namesakes.stream().filter(c -> birth.equals(c.toSummary().birthDate())).findFirst();
            if (exact.isPresent() && (id.isEmpty() || exact.get().idNumberHash() == null)) {
                return new ChildMatch(Optional.of(exact.get().id()), List.of());
            }
        }
        Set<Long> candidates = new LinkedHashSet<>();
        for (Child c : namesakes) {
            ChildSummary s = c.toSummary();
            if (birth == null || s.birthDate() == null) {
                candidates.add(c.id());
            }
        }
        if (birth != null) {
            // same pinyin, same birth year, same township: 张晓明 / 章晓明 (docs/domain.md §3.5)
            candidates.addAll(samePinyin != null ? samePinyin
                    : nameIndex.samePinyinSameYearInTownship(name, birth.getYear(), villageCode));
        }
        return new ChildMatch(Optional.empty(), List.copyOf(candidates));
    }

    private List<Child> idNumberNamesakesAndSamePinyin(String hash, String name, String villageCode,
            ChildNameIndex.SamePinyinQuery pinyin) {
        Query query = entityManager.createNativeQuery("select c.* from people_child c where c.id_number_hash = ? "
                + "or (c.name = ? and c.village_code = ?) union select c.* from people_child c join (" + pinyin.sql()
                + ") p on p.id = c.id", Child.class);
        int position = 1;
        query.setParameter(position++, hash);
        query.setParameter(position++, name);
        query.setParameter(position++, villageCode);
        for (Object arg : pinyin.args()) {
            query.setParameter(position++, arg);
        }
        @SuppressWarnings("unchecked")
        List<Child> rows = query.getResultList();
        return rows;
    }

    /**
     * The rows of the same pinyin in the union, newest first: those that are neither the ID
     * number's child nor a namesake, and the namesakes born in that year (a namesake of the village
     * has the same name keys and is in the township: the pinyin part found it too).
     */
    private static List<Long> samePinyinAmong(List<Child> rows, String hash, String name, String villageCode, int year) {
        return rows.stream()
                .filter(c -> {
                    if (hash.equals(c.idNumberHash())) {
                        return false;
                    }
                    if (!isNamesake(c, name, villageCode)) {
                        return true;
                    }
                    LocalDate born = c.toSummary().birthDate();
                    return born != null && born.getYear() == year;
                })
                .map(Child::id).sorted(Comparator.reverseOrder()).limit(20).toList();
    }

    private static boolean isNamesake(Child c, String name, String villageCode) {
        ChildSummary s = c.toSummary();
        return s.name() != null && name.equalsIgnoreCase(s.name().strip()) && villageCode.equals(s.villageCode());
    }

    /** Registers a new child (validated by the caller with {@link #validate}). */
    public long register(ChildData data, String villageCode) {
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(data.idNumber());
        Sex sex = data.sex() != null && data.sex() != Sex.UNKNOWN ? data.sex() : id.map(ResidentIdNumber::sex).orElse(Sex.UNKNOWN);
        LocalDate birth = data.birthDate() != null ? data.birthDate() : id.map(ResidentIdNumber::birthDate).orElse(null);
        Child child = new Child(Texts.blankToNull(data.name()), sex, birth, birth == null ? data.estimatedAge() : null,
                data.identityUnknown() && (data.name() == null || data.name().isBlank()), Texts.blankToNull(data.description()),
                data.villageCode() != null && !data.villageCode().isBlank() ? data.villageCode() : villageCode,
                Texts.blankToNull(data.address()), Texts.blankToNull(data.school()), time.now());
        id.ifPresent(value -> child.setIdNumber(cipher.encrypt(value.value()), cipher.hash(value.value()), value.masked()));
        children.save(child);
        addGuardians(child.id(), data);
        nameIndex.indexNew(child.id(), child.toSummary().name());
        return child.id();
    }

    /** A later report about a known child: fill what was unknown, add guardians; never overwrite. */
    public void learn(long childId, ChildData data) {
        Child child = children.findById(childId).orElseThrow();
        String before = child.toSummary().name();
        child.learn(data);
        if (!java.util.Objects.equals(before, child.toSummary().name())) {
            nameIndex.index(childId, child.toSummary().name());
        }
        if (child.idNumberHash() == null) {
            ResidentIdNumber.parse(data.idNumber()).ifPresent(
                    value -> child.setIdNumber(cipher.encrypt(value.value()), cipher.hash(value.value()), value.masked()));
        }
        addGuardians(childId, data);
    }

    private void addGuardians(long childId, ChildData data) {
        if (data.guardians() == null) {
            return;
        }
        for (ChildData.GuardianData g : data.guardians()) {
            String phone = g.phone() == null || g.phone().isBlank() ? null : g.phone().strip();
            guardians.save(new Guardian(childId, g.name().strip(), Texts.blankToNull(g.relation()), cipher.encrypt(phone),
                    cipher.hash(phone)));
        }
    }

    @Transactional(readOnly = true)
    public Optional<ChildSummary> find(long childId) {
        return children.findById(childId).map(Child::toSummary);
    }

    /** One query for a page of children. */
    @Transactional(readOnly = true)
    public List<ChildSummary> findAll(Collection<Long> childIds) {
        return childIds.isEmpty() ? List.of() : children.findAllById(childIds).stream().map(Child::toSummary).toList();
    }

    @Transactional(readOnly = true)
    public List<Long> findChildIdsByIdNumber(String idNumber) {
        return ResidentIdNumber.parse(idNumber)
                .map(id -> children.findByIdNumberHash(cipher.hash(id.value())).stream().map(Child::id).toList())
                .orElse(List.of());
    }

    /** Children whose name starts with the fragment (surname, or surname and given name), in the scope; at most 200. */
    @Transactional(readOnly = true)
    public List<Long> findChildIdsByName(String fragment, JurisdictionScope scope) {
        String escaped = fragment.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        // names are matched from their start (the surname): an index range on the name, so a
        // search costs the same at 10,000 children as at 1,000,000 (a '%fragment%' scan does not)
        return children.findIdsByNameInScope(escaped + "%", scope.likePattern(), Pageable.ofSize(200));
    }

    /**
     * The records of the same child and of the same family (docs/domain.md §8): the child, records
     * with its ID number (through the keyed hash) or its name and birth date, and children who share a
     * guardian's phone number. Guardians have no ID number or birth date on record, so they match by
     * phone only. At most {@code limit} others.
     */
    @Transactional(readOnly = true)
    public List<RelatedChild> related(long childId, int limit) {
        Child child = children.findById(childId).orElse(null);
        if (child == null) {
            return List.of();
        }
        java.util.Map<Long, RelatedChild.Relation> found = new java.util.LinkedHashMap<>();
        found.put(childId, RelatedChild.Relation.SAME_CHILD);
        if (child.idNumberHash() != null) {
            children.findByIdNumberHash(child.idNumberHash())
                    .forEach(c -> found.putIfAbsent(c.id(), RelatedChild.Relation.SAME_ID_NUMBER));
        }
        ChildSummary summary = child.toSummary();
        if (summary.name() != null && summary.birthDate() != null) {
            children.findByNameAndBirthDate(summary.name(), summary.birthDate())
                    .forEach(c -> found.putIfAbsent(c.id(), RelatedChild.Relation.SAME_NAME_AND_BIRTH_DATE));
        }
        guardians.findChildIdsSharingAGuardianPhone(childId, Pageable.ofSize(limit))
                .forEach(id -> found.putIfAbsent(id, RelatedChild.Relation.SHARED_GUARDIAN));
        return found.entrySet().stream().limit(limit + 1L).map(e -> new RelatedChild(e.getKey(), e.getValue())).toList();
    }

    /** One page of children found by name, pinyin or initials (docs/domain.md §3.5), in the scope; newest first. */
    public record NameSearchPage(List<ChildSummary> children, long total) {
    }

    @Transactional(readOnly = true)
    public NameSearchPage searchByName(String query, Integer birthYear, String villageCode, JurisdictionScope scope,
            int page, int size) {
        ChildNameIndex.Found found = nameIndex.search(query, birthYear, villageCode, scope, page, size);
        java.util.Map<Long, ChildSummary> byId = findAll(found.childIds()).stream()
                .collect(java.util.stream.Collectors.toMap(ChildSummary::id, c -> c));
        return new NameSearchPage(found.childIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList(),
                found.total());
    }

    /** The plain ID number, for need-to-know screens only (the caller audits the reveal). */
    @Transactional(readOnly = true)
    public Optional<String> revealIdNumber(long childId) {
        return children.findById(childId).map(Child::idNumberCipher).map(cipher::decrypt);
    }

    @Transactional(readOnly = true)
    public List<GuardianSummary> guardiansOf(long childId) {
        return guardians.findByChildIdOrderById(childId).stream()
                .map(g -> new GuardianSummary(g.name(), g.relation(), cipher.decrypt(g.phoneCipher()))).toList();
    }


    // --- firsthour-b: correcting a child's record after intake ---------------------------------------

    /** The stored record as a correction form starts from (the ID number left blank: never shown in full). */
    @Transactional(readOnly = true)
    public Optional<ChildCorrection> correctionOf(long childId) {
        return children.findById(childId).map(Child::toSummary).map(c -> new ChildCorrection(c.name(), c.sex(),
                c.birthDate(), c.estimatedAge(), null, c.identityUnknown(), c.description(), c.address(), c.school(),
                guardians.findByChildIdOrderById(childId).stream().map(g -> new ChildCorrection.GuardianEntry(g.id(),
                        g.name(), g.relation(), cipher.decrypt(g.phoneCipher()))).toList()));
    }

    /** The rules a correction must meet, as field errors ({@code child.name}, {@code child.guardians[0].phone} ...). */
    @Transactional(readOnly = true)
    public List<Refusal.FieldError> validateCorrection(long childId, ChildCorrection correction) {
        Child child = children.findById(childId).orElseThrow();
        String idNumber = Texts.blankToNull(correction.idNumber()) != null ? correction.idNumber().strip()
                : cipher.decrypt(child.idNumberCipher());
        List<ChildCorrection.GuardianEntry> entries = correction.guardians() == null ? List.of() : correction.guardians();
        List<Refusal.FieldError> errors = validate(new ChildData(Texts.blankToNull(correction.name()),
                correction.sex(), correction.birthDate(), correction.estimatedAge(), idNumber,
                correction.identityUnknown(), Texts.blankToNull(correction.description()), null,
                correction.address(), correction.school(), entries.stream()
                        .map(g -> new ChildData.GuardianData(g.name(), g.relation(), g.phone())).toList()), "child");
        return errors;
    }

    /**
     * Applies a correction validated with {@link #validateCorrection}; returns the names of the
     * fields that changed (never their values), for the caller's timeline and audit.
     */
    public List<String> correct(long childId, ChildCorrection correction) {
        Child child = children.findById(childId).orElseThrow();
        Optional<ResidentIdNumber> id = ResidentIdNumber.parse(Texts.blankToNull(correction.idNumber()));
        String name = Texts.blankToNull(correction.name());
        Sex sex = correction.sex() != null && correction.sex() != Sex.UNKNOWN ? correction.sex()
                : id.map(ResidentIdNumber::sex).orElse(correction.sex() == null ? Sex.UNKNOWN : correction.sex());
        LocalDate birth = correction.birthDate() != null ? correction.birthDate()
                : id.map(ResidentIdNumber::birthDate).orElse(null);
        List<String> changed = new ArrayList<>(child.correct(name, sex, birth, correction.estimatedAge(),
                correction.identityUnknown(), Texts.blankToNull(correction.description()),
                Texts.blankToNull(correction.address()), Texts.blankToNull(correction.school())));
        if (id.isPresent() && !cipher.hash(id.get().value()).equals(child.idNumberHash())) {
            child.setIdNumber(cipher.encrypt(id.get().value()), cipher.hash(id.get().value()), id.get().masked());
            changed.add("idNumber");
        }
        if (correctGuardians(childId, correction.guardians() == null ? List.of() : correction.guardians())) {
            changed.add("guardians");
        }
        nameIndex.index(childId, child.toSummary().name());
        return changed;
    }

    private boolean correctGuardians(long childId, List<ChildCorrection.GuardianEntry> entries) {
        Map<Long, Guardian> stored = new java.util.LinkedHashMap<>();
        guardians.findByChildIdOrderById(childId).forEach(g -> stored.put(g.id(), g));
        boolean changed = false;
        Set<Long> kept = new LinkedHashSet<>();
        for (ChildCorrection.GuardianEntry entry : entries) {
            String phone = Texts.blankToNull(entry.phone());
            // an id that is not one of this child's guardians adds a guardian; it never reaches another child's
            Guardian guardian = entry.id() == null ? null : stored.get(entry.id());
            if (guardian == null) {
                guardians.save(new Guardian(childId, entry.name().strip(), Texts.blankToNull(entry.relation()),
                        cipher.encrypt(phone), cipher.hash(phone)));
                changed = true;
                continue;
            }
            kept.add(guardian.id());
            boolean phoneChanged = !java.util.Objects.equals(phone, cipher.decrypt(guardian.phoneCipher()));
            changed |= guardian.correct(entry.name().strip(), Texts.blankToNull(entry.relation()), cipher.encrypt(phone),
                    cipher.hash(phone), phoneChanged);
        }
        for (Guardian guardian : stored.values()) {
            if (!kept.contains(guardian.id())) {
                guardians.delete(guardian);
                changed = true;
            }
        }
        return changed;
    }

    private static Refusal.FieldError error(String prefix, String field, String key, Object... args) {
        return new Refusal.FieldError(prefix + "." + field, key, args);
    }
}

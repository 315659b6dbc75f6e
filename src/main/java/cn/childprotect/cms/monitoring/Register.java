package cn.childprotect.cms.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.ReportReceipt;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.monitoring.RegisterViews.CaseRegisterEntry;
import cn.childprotect.cms.monitoring.RegisterViews.Change;
import cn.childprotect.cms.monitoring.RegisterViews.Entry;
import cn.childprotect.cms.monitoring.RegisterViews.EntryChange;
import cn.childprotect.cms.monitoring.RegisterViews.LeftBehind;
import cn.childprotect.cms.monitoring.RegisterViews.NewEntry;
import cn.childprotect.cms.monitoring.RegisterViews.NewVisit;
import cn.childprotect.cms.monitoring.RegisterViews.Row;
import cn.childprotect.cms.monitoring.RegisterViews.Transition;
import cn.childprotect.cms.monitoring.RegisterViews.Visit;
import cn.childprotect.cms.monitoring.RegisterViews.VisitRecorded;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.ChildMatch;
import cn.childprotect.cms.people.ChildRegistry;
import cn.childprotect.cms.people.ChildSummary;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.people.ResidentIdNumber;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.shared.deadlines.DeadlineMet;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register's facade (docs/domain.md, "The at-risk register"). Scoped like cases: a child
 * director works the entries of their village, a supervisor those of their township or county;
 * anyone else, or an entry outside the caller's scope, is "not found". Drafts (not yet confirmed
 * by the county) are seen by their author and the reviewers only. Every read of an entry is
 * audited; every change is versioned and kept in the entry's history.
 */
@Service
@Transactional
public class Register {

    /** The escalation kind of a missed register visit (escalations.EscalationKind). */
    public static final String VISIT_DEADLINE = "REGISTER_VISIT";

    static final int MAX_PAGE = 200;

    private final RegisterEntries entries;
    private final RegisterChanges changes;
    private final RegisterVisits visits;
    private final ChildRegistry children;
    private final ContactCipher contacts;
    private final Jurisdictions jurisdictions;
    private final RegisterTaxonomy taxonomy;
    private final VisitSchedule schedule;
    private final BusinessTime time;
    private final ApplicationEventPublisher events;
    private final IntakeDesk intake;
    private final RegisterCampaigns campaigns;
    private final EntityManager entityManager;

    Register(RegisterEntries entries, RegisterChanges changes, RegisterVisits visits, ChildRegistry children,
            ContactCipher contacts, Jurisdictions jurisdictions, RegisterTaxonomy taxonomy, VisitSchedule schedule,
            BusinessTime time, ApplicationEventPublisher events, IntakeDesk intake, RegisterCampaigns campaigns,
            EntityManager entityManager) {
        this.entityManager = entityManager;
        this.entries = entries;
        this.changes = changes;
        this.visits = visits;
        this.children = children;
        this.contacts = contacts;
        this.jurisdictions = jurisdictions;
        this.taxonomy = taxonomy;
        this.schedule = schedule;
        this.time = time;
        this.events = events;
        this.intake = intake;
        this.campaigns = campaigns;
    }

    // ------------------------------------------------------------------------------------ who

    /** The roles that keep the register: village child directors and supervisors. */
    public static boolean works(CurrentUser user) {
        return user.is(Role.CHILD_DIRECTOR) || user.is(Role.SUPERVISOR);
    }

    private static boolean sees(CurrentUser user, RegisterEntry entry) {
        return works(user) && user.covers(entry.villageCode()) && (!entry.status().isDraft()
                || user.is(Role.SUPERVISOR) || entry.createdBy().equals(user.username()));
    }

    private static boolean isTownshipReviewer(CurrentUser user, RegisterEntry entry) {
        return user.is(Role.SUPERVISOR) && DivisionLevel.of(user.jurisdictionCode()) == DivisionLevel.TOWNSHIP
                && user.covers(entry.villageCode());
    }

    private static boolean isCountyReviewer(CurrentUser user, RegisterEntry entry) {
        return user.is(Role.SUPERVISOR) && DivisionLevel.of(user.jurisdictionCode()) == DivisionLevel.COUNTY
                && user.covers(entry.villageCode());
    }

    private RegisterEntry visible(long id, CurrentUser user) {
        return entries.findById(id).filter(e -> sees(user, e))
                .orElseThrow(() -> Refusal.notFound("register.error.not-found", id));
    }

    private static void requireWorker(CurrentUser user) {
        if (!works(user)) {
            throw Refusal.notAllowed("register.error.role");
        }
    }

    private static void requireVersion(RegisterEntry entry, Long version) {
        if (version == null || version != entry.version()) {
            throw Refusal.staleVersion("register.error.stale").with("currentVersion", entry.version())
                    .with("currentStatus", entry.status().name());
        }
    }

    // ------------------------------------------------------------------------------------ entries

    public Entry create(NewEntry request, CurrentUser user) {
        requireWorker(user);
        ChildData child = childOf(request);
        List<Refusal.FieldError> errors = validateNew(request, child, user);
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        ChildMatch match = children.match(child, request.villageCode());
        if (match.exact().isPresent()) {
            List<RegisterEntry> open = entries.openOfChild(match.exact().get(), RegisterStatus.EXITED);
            if (!open.isEmpty()) {
                // 一人一档: one file per child; say which one only to a caller who may see it
                Refusal refusal = Refusal.invalidState("register-duplicate", "register.error.duplicate");
                open.stream().filter(e -> sees(user, e)).findFirst().ifPresent(e -> refusal.with("entryId", e.id()));
                throw refusal;
            }
        }
        RegisterEntry entry = persistNew(request, child, match, user, false);
        return view(entry, user);
    }

    /** The child of a new entry, placed in the entry's village when the request leaves it out. */
    private static ChildData childOf(NewEntry request) {
        ChildData child = request.child();
        String village = Texts.blankToNull(request.villageCode());
        if (child != null && village != null && Texts.blankToNull(child.villageCode()) == null) {
            child = new ChildData(child.name(), child.sex(), child.birthDate(), child.estimatedAge(), child.idNumber(),
                    child.identityUnknown(), child.description(), village, child.address(), child.school(),
                    child.guardians());
        }
        return child;
    }

    private List<Refusal.FieldError> validateNew(NewEntry request, ChildData child, CurrentUser user) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        String village = Texts.blankToNull(request.villageCode());
        if (village == null) {
            errors.add(new Refusal.FieldError("villageCode", "register.error.village-required"));
        }
        else if (!jurisdictions.isKnownVillage(village)) {
            errors.add(new Refusal.FieldError("villageCode", "register.error.village-unknown", village));
        }
        else if (!user.covers(village)) {
            errors.add(new Refusal.FieldError("villageCode", "register.error.village-out-of-scope", village));
        }
        errors.addAll(children.validate(child, "child"));
        if (request.tier() == null) {
            errors.add(new Refusal.FieldError("tier", "register.error.tier-required"));
        }
        errors.addAll(validateDescription(request.categories(), request.distressKinds(), request.leftBehind(),
                request.household(), request.school(), birthDateOf(child)));
        return errors;
    }

    /**
     * Stores a validated new entry: the known child again (intake's match) or a new one. An
     * imported entry is the county's already reviewed register, in force at once.
     */
    private RegisterEntry persistNew(NewEntry request, ChildData child, ChildMatch match, CurrentUser user,
            boolean imported) {
        String village = request.villageCode().strip();
        long childId;
        if (match.exact().isPresent()) {
            childId = match.exact().get();
            children.learn(childId, child);
        }
        else {
            childId = children.register(child, village);
        }
        Instant now = time.now();
        RegisterEntry entry = new RegisterEntry(childId, village, request.tier(), user.username(), now);
        LeftBehind left = request.leftBehind();
        String phone = left == null ? null : Texts.blankToNull(left.caregiverPhone());
        entry.describe(request.categories(), request.distressKinds(),
                left == null ? null : Texts.blankToNull(left.parentsWhereabouts()),
                left == null ? null : Texts.blankToNull(left.caregiverName()),
                left == null ? null : Texts.blankToNull(left.caregiverRelation()), contacts.encrypt(phone), true,
                Texts.blankToNull(request.household()), Texts.blankToNull(request.school()));
        entry.ageReviewOn(nextAgeReview(entry.categories(), children.find(childId).map(ChildSummary::birthDate)
                .orElse(null), time.today()));
        if (imported) {
            entry.moveTo(RegisterStatus.ACTIVE);
            entry.confirmed(now);
            LocalDate due = schedule.firstVisitDue(now);
            entry.visitDue(due, schedule.overdueFrom(due));
            entry.tierReviewOn(schedule.tierReviewDue(time.today()));
        }
        entries.saveAndFlush(entry);
        if (imported) {
            campaigns.cameIntoForce(entry);
        }
        record(entry, user, imported ? "IMPORTED" : "CREATED", null, List.of(), null);
        events.publishEvent(AuditEvent.success(user.username(),
                imported ? "REGISTER_ENTRY_IMPORTED" : "REGISTER_ENTRY_CREATED", "REGISTER_ENTRY", entry.id()));
        return entry;
    }

    // ------------------------------------------------------------------------------------ import (RegisterImport)

    enum ImportOutcome { CREATED, ALREADY_REGISTERED, INVALID }

    List<Refusal.FieldError> validateImported(NewEntry request, CurrentUser user) {
        return validateNew(request, childOf(request), user);
    }

    /** Whether the row's child already has an entry not exited (matched as intake matches). */
    boolean isRegistered(NewEntry request) {
        ChildMatch match = children.match(childOf(request), request.villageCode());
        return match.exact().isPresent() && !entries.openOfChild(match.exact().get(), RegisterStatus.EXITED).isEmpty();
    }

    ImportOutcome importOne(NewEntry request, CurrentUser user) {
        ChildData child = childOf(request);
        if (!validateNew(request, child, user).isEmpty()) {
            return ImportOutcome.INVALID;
        }
        ChildMatch match = children.match(child, request.villageCode());
        if (match.exact().isPresent() && !entries.openOfChild(match.exact().get(), RegisterStatus.EXITED).isEmpty()) {
            return ImportOutcome.ALREADY_REGISTERED;
        }
        persistNew(request, child, match, user, true);
        return ImportOutcome.CREATED;
    }

    private static LocalDate birthDateOf(ChildData child) {
        if (child == null) {
            return null;
        }
        if (child.birthDate() != null) {
            return child.birthDate();
        }
        return ResidentIdNumber.parse(child.idNumber()).map(ResidentIdNumber::birthDate).orElse(null);
    }

    private List<Refusal.FieldError> validateDescription(List<String> categories, List<String> distressKinds,
            LeftBehind left, String household, String school, LocalDate birthDate) {
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (categories == null || categories.isEmpty()) {
            errors.add(new Refusal.FieldError("categories", "register.error.categories-required"));
            return errors;
        }
        for (String code : categories) {
            Optional<RegisterTaxonomy.Category> category = taxonomy.category(code);
            if (category.isEmpty()) {
                errors.add(new Refusal.FieldError("categories", "register.error.category-unknown", code));
            }
            else if (category.get().ageLimit() != null && birthDate != null
                    && !birthDate.plusYears(category.get().ageLimit()).isAfter(time.today())) {
                errors.add(new Refusal.FieldError("categories", "register.error.category-age", category.get().name(),
                        category.get().ageLimit()));
            }
        }
        List<String> allowedKinds = categories.stream().map(taxonomy::category).flatMap(Optional::stream)
                .flatMap(c -> c.subKinds().stream()).toList();
        for (String kind : distressKinds == null ? List.<String>of() : distressKinds) {
            if (!allowedKinds.contains(kind)) {
                errors.add(new Refusal.FieldError("distressKinds", "register.error.sub-kind-unknown", kind));
            }
        }
        if (left != null) {
            if (left.parentsWhereabouts() != null && left.parentsWhereabouts().length() > 500) {
                errors.add(new Refusal.FieldError("leftBehind.parentsWhereabouts", "register.error.too-long", 500));
            }
            if (left.caregiverName() != null && left.caregiverName().length() > 50) {
                errors.add(new Refusal.FieldError("leftBehind.caregiverName", "register.error.too-long", 50));
            }
            if (left.caregiverRelation() != null && left.caregiverRelation().length() > 20) {
                errors.add(new Refusal.FieldError("leftBehind.caregiverRelation", "register.error.too-long", 20));
            }
            String phone = Texts.blankToNull(left.caregiverPhone());
            if (phone != null && !phone.strip().matches("[0-9+\\- ]{5,20}")) {
                errors.add(new Refusal.FieldError("leftBehind.caregiverPhone", "register.error.phone"));
            }
        }
        if (household != null && household.length() > 500) {
            errors.add(new Refusal.FieldError("household", "register.error.too-long", 500));
        }
        if (school != null && school.length() > 100) {
            errors.add(new Refusal.FieldError("school", "register.error.too-long", 100));
        }
        return errors;
    }

    /** One entry, audited as a read of the child's file. */
    public Entry get(long id, CurrentUser user) {
        RegisterEntry entry = visible(id, user);
        events.publishEvent(AuditEvent.success(user.username(), "REGISTER_ENTRY_READ", "REGISTER_ENTRY", id));
        return view(entry, user);
    }

    /** The filters of a register list; null is any. */
    public record Filter(RegisterStatus status, String category, RegisterTier tier, boolean overdue, int page,
            int size) {
    }

    /** The register list's WHERE clause (its parameters: {@link #bind}); the scope is always part of it. */
    private static final String LIST_WHERE = """
            from RegisterEntry e
            where e.villageCode like :scope
              and (:reviewer = true or e.status not in :drafts or e.createdBy = :username)
              and (:status is null or e.status = :status)
              and (:tier is null or e.tier = :tier)
              and (:category is null or e.categories like :category)
              and (:overdueAt is null or e.visitOverdueAt <= :overdueAt)""";

    /**
     * Entries with a due visit by the moment it falls overdue, then those without one by id: two
     * ordered reads of monitoring_entry_list (visit_overdue_at, id, …, V8_10_1) that stop at the
     * page, instead of sorting the whole scope by a CASE expression. Where the dated entries end
     * before the page, their number (at most the offset) decides where the undated part starts.
     */
    private List<RegisterEntry> page(Filter filter, CurrentUser user, int offset, int size) {
        List<RegisterEntry> rows = new ArrayList<>(bind(entityManager.createQuery("select e " + LIST_WHERE
                + " and e.visitOverdueAt is not null order by e.visitOverdueAt, e.id", RegisterEntry.class), filter, user)
                .setFirstResult(offset).setMaxResults(size).getResultList());
        if (rows.size() == size || filter.overdue()) {
            return rows;
        }
        long dated = !rows.isEmpty() ? offset + rows.size() : bind(entityManager.createQuery("select count(e) "
                + LIST_WHERE + " and e.visitOverdueAt is not null", Long.class), filter, user).getSingleResult();
        rows.addAll(bind(entityManager.createQuery("select e " + LIST_WHERE
                + " and e.visitOverdueAt is null order by e.id", RegisterEntry.class), filter, user)
                .setFirstResult((int) Math.max(0, offset - dated)).setMaxResults(size - rows.size()).getResultList());
        return rows;
    }

    private <T> TypedQuery<T> bind(TypedQuery<T> query, Filter filter, CurrentUser user) {
        return query.setParameter("scope", user.scope().likePattern())
                .setParameter("reviewer", user.is(Role.SUPERVISOR))
                .setParameter("drafts", RegisterStatus.DRAFTS)
                .setParameter("username", user.username())
                .setParameter("status", filter.status())
                .setParameter("tier", filter.tier())
                .setParameter("category", filter.category() == null || filter.category().isBlank() ? null
                        : "%," + filter.category().strip() + ",%")
                .setParameter("overdueAt", filter.overdue() ? time.now() : null);
    }

    /** A page of the register in the caller's scope, overdue visits first, then by next due date. */
    @Transactional(readOnly = true)
    public List<Row> list(Filter filter, CurrentUser user) {
        requireWorker(user);
        int size = filter.size() <= 0 ? 50 : Math.min(filter.size(), MAX_PAGE);
        List<RegisterEntry> page = page(filter, user, Math.max(0, filter.page()) * size, size);
        Map<Long, ChildSummary> childById = children.findAll(page.stream().map(RegisterEntry::childId).toList())
                .stream().collect(Collectors.toMap(ChildSummary::id, Function.identity()));
        Instant now = time.now();
        LocalDate today = time.today();
        return page.stream().map(e -> {
            ChildSummary child = childById.get(e.childId());
            return new Row(e.id(), e.childId(), child == null ? null : child.label(),
                    child == null ? null : child.ageOn(today), e.villageCode(), jurisdictions.nameOf(e.villageCode()),
                    e.categories(), e.tier(), e.status(), e.status().label(), e.lastVisitOn(), e.visitDueOn(),
                    overdue(e, now), e.createdBy(), e.reviewFlags());
        }).toList();
    }

    private static boolean overdue(RegisterEntry entry, Instant now) {
        return entry.visitOverdueAt() != null && !entry.visitOverdueAt().isAfter(now);
    }

    /** Changes the describing fields or the tier; a new tier moves the next visit's due date. */
    public Entry update(long id, EntryChange change, Long version, CurrentUser user) {
        RegisterEntry entry = visible(id, user);
        if (entry.status() == RegisterStatus.EXITED) {
            throw Refusal.invalidState("register-exited", "register.error.exited");
        }
        requireVersion(entry, version);
        List<String> categories = change.categories() != null ? change.categories() : entry.categories();
        List<String> kinds = change.distressKinds() != null ? change.distressKinds() : entry.distressKinds();
        LeftBehind left = change.leftBehind();
        ChildSummary child = children.find(entry.childId()).orElseThrow();
        List<Refusal.FieldError> errors = validateDescription(categories, kinds, left,
                change.household(), change.school(), child.birthDate());
        if (change.note() != null && change.note().length() > 1000) {
            errors.add(new Refusal.FieldError("note", "register.error.too-long", 1000));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        String phone = left == null ? null : Texts.blankToNull(left.caregiverPhone());
        boolean phoneChanged = left != null && !Objects.equals(phone, contacts.decrypt(entry.caregiverPhoneCipher()));
        List<String> changed = new ArrayList<>(entry.describe(categories, kinds,
                left == null ? entry.parentsWhereabouts() : Texts.blankToNull(left.parentsWhereabouts()),
                left == null ? entry.caregiverName() : Texts.blankToNull(left.caregiverName()),
                left == null ? entry.caregiverRelation() : Texts.blankToNull(left.caregiverRelation()),
                contacts.encrypt(phone), phoneChanged,
                change.household() == null ? entry.household() : Texts.blankToNull(change.household()),
                change.school() == null ? entry.school() : Texts.blankToNull(change.school())));
        if (change.tier() != null && entry.status().inForce()) {
            // a tier set (changed or kept) is the 6-monthly tier review (ours, config)
            entry.tierReviewOn(schedule.tierReviewDue(time.today()));
            entry.unflag(TIER_REVIEW);
            changed.add("tierReviewOn");
        }
        if (change.categories() != null) {
            entry.ageReviewOn(nextAgeReview(categories, child.birthDate(), time.today()));
        }
        if (entry.changeTier(change.tier())) {
            changed.add("tier");
            if (entry.status().inForce() && entry.lastVisitOn() != null) {
                // docs/domain.md: a change of tier recomputes the next due date from the latest visit
                scheduleNext(entry);
            }
        }
        if (changed.isEmpty()) {
            return view(entry, user);
        }
        entries.saveAndFlush(entry);
        record(entry, user, "CHANGED", entry.status(), changed, Texts.blankToNull(change.note()));
        events.publishEvent(AuditEvent.success(user.username(), "REGISTER_ENTRY_CHANGED", "REGISTER_ENTRY", id)
                .withDetail(String.join(",", changed)));
        return view(entry, user);
    }

    static final String AGE_REVIEW = "AGE_REVIEW";
    static final String TIER_REVIEW = "TIER_REVIEW";

    /**
     * The next birthday after {@code after} that ends one of the entry's categories (a category's
     * age limit, 留守 16) or the register itself (18): the day its exit review falls due. Null
     * without a birth date.
     */
    LocalDate nextAgeReview(List<String> categories, LocalDate birthDate, LocalDate after) {
        if (birthDate == null) {
            return null;
        }
        LocalDate next = birthDate.plusYears(18);
        for (String code : categories) {
            Integer limit = taxonomy.category(code).map(RegisterTaxonomy.Category::ageLimit).orElse(null);
            if (limit != null && birthDate.plusYears(limit).isAfter(after) && birthDate.plusYears(limit).isBefore(next)) {
                next = birthDate.plusYears(limit);
            }
        }
        return next;
    }

    /**
     * The daily review (RegisterReviews): flags the entries in force whose exit review by age or
     * whose tier review is due, once each (the stored date moves on), with a history row.
     */
    int flagDueReviews(LocalDate today, int limit) {
        int flagged = 0;
        for (RegisterEntry entry : entries.ageReviewDue(today, IN_FORCE, PageRequest.ofSize(limit))) {
            entry.flag(AGE_REVIEW);
            LocalDate birth = children.find(entry.childId()).map(ChildSummary::birthDate).orElse(null);
            LocalDate next = nextAgeReview(entry.categories(), birth, entry.ageReviewOn());
            entry.ageReviewOn(next != null && next.isAfter(entry.ageReviewOn()) ? next : null);
            entries.saveAndFlush(entry);
            recordSystem(entry, AGE_REVIEW);
            flagged++;
        }
        for (RegisterEntry entry : entries.tierReviewDue(today, IN_FORCE, PageRequest.ofSize(limit))) {
            entry.flag(TIER_REVIEW);
            entry.tierReviewOn(null); // set again when the tier is reviewed
            entries.saveAndFlush(entry);
            recordSystem(entry, TIER_REVIEW);
            flagged++;
        }
        return flagged;
    }

    private void recordSystem(RegisterEntry entry, String action) {
        changes.save(new RegisterChange(entry.id(), entry.version(), time.now(), "system", action, entry.status(),
                entry.status(), "reviewFlags", null));
    }

    static final java.util.Set<RegisterStatus> IN_FORCE = java.util.EnumSet.of(RegisterStatus.ACTIVE,
            RegisterStatus.EXIT_PENDING_REVIEW, RegisterStatus.EXIT_PENDING_CONFIRMATION);

    private void scheduleNext(RegisterEntry entry) {
        LocalDate due = schedule.nextVisitDue(entry.lastVisitOn(), entry.tier());
        entry.visitDue(due, schedule.overdueFrom(due));
    }

    // ------------------------------------------------------------------------------------ review chain

    /** The state a step leads to from the entry's state, if there is one (who may take it is checked apart). */
    private static Optional<RegisterStatus> target(RegisterStatus from, RegisterEvent event) {
        RegisterStatus to = switch (event) {
            case SUBMIT -> from == RegisterStatus.RETURNED ? RegisterStatus.PENDING_REVIEW : null;
            case APPROVE -> switch (from) {
                case PENDING_REVIEW -> RegisterStatus.PENDING_CONFIRMATION;
                case EXIT_PENDING_REVIEW -> RegisterStatus.EXIT_PENDING_CONFIRMATION;
                default -> null;
            };
            case RETURN -> switch (from) {
                case PENDING_REVIEW, PENDING_CONFIRMATION -> RegisterStatus.RETURNED;
                case EXIT_PENDING_REVIEW, EXIT_PENDING_CONFIRMATION -> RegisterStatus.ACTIVE;
                default -> null;
            };
            case CONFIRM -> switch (from) {
                case PENDING_CONFIRMATION -> RegisterStatus.ACTIVE;
                case EXIT_PENDING_CONFIRMATION -> RegisterStatus.EXITED;
                default -> null;
            };
            case REQUEST_EXIT -> from == RegisterStatus.ACTIVE ? RegisterStatus.EXIT_PENDING_REVIEW : null;
        };
        return Optional.ofNullable(to);
    }

    /** Township steps belong to the township's supervisors, county steps to the county's. */
    private static boolean mayTake(CurrentUser user, RegisterEntry entry, RegisterEvent event) {
        RegisterStatus from = entry.status();
        return switch (event) {
            case SUBMIT -> entry.createdBy().equals(user.username()) || user.is(Role.SUPERVISOR);
            case REQUEST_EXIT -> true;
            case APPROVE -> isTownshipReviewer(user, entry);
            case RETURN -> from == RegisterStatus.PENDING_REVIEW || from == RegisterStatus.EXIT_PENDING_REVIEW
                    ? isTownshipReviewer(user, entry) : isCountyReviewer(user, entry);
            case CONFIRM -> isCountyReviewer(user, entry);
        };
    }

    private static List<RegisterEvent> allowedEvents(RegisterEntry entry, CurrentUser user) {
        List<RegisterEvent> allowed = new ArrayList<>();
        for (RegisterEvent event : RegisterEvent.values()) {
            if (target(entry.status(), event).isPresent() && mayTake(user, entry, event)) {
                allowed.add(event);
            }
        }
        return allowed;
    }

    public Entry transition(long id, Transition step, Long version, CurrentUser user) {
        RegisterEntry entry = visible(id, user);
        if (step.event() == null) {
            throw Refusal.invalidField("event", "register.error.event-required");
        }
        RegisterStatus from = entry.status();
        RegisterStatus to = target(from, step.event()).orElseThrow(() -> Refusal
                .invalidState("register-invalid-transition", "register.error.transition", step.event().label(),
                        from.label())
                .with("currentStatus", from.name()));
        if (!mayTake(user, entry, step.event())) {
            throw Refusal.notAllowed("register.error.step-role", step.event().label());
        }
        requireVersion(entry, version);
        String reason = Texts.blankToNull(step.reason());
        if (reason != null && reason.length() > 1000) {
            throw Refusal.invalidField("reason", "register.error.too-long", 1000);
        }
        if (step.event() == RegisterEvent.RETURN && reason == null) {
            throw Refusal.invalidField("reason", "register.error.reason-required");
        }
        if (step.event() == RegisterEvent.REQUEST_EXIT) {
            if (step.exitReason() == null || !taxonomy.isExitReason(step.exitReason())) {
                throw Refusal.invalidField("exitReason", "register.error.exit-reason", step.exitReason());
            }
            entry.exitRequested(step.exitReason(), reason);
        }
        if (step.event() == RegisterEvent.RETURN) {
            if (to == RegisterStatus.RETURNED) {
                entry.returned(reason);
            }
            else {
                entry.exitWithdrawn();
            }
        }
        entry.moveTo(to);
        if (to == RegisterStatus.ACTIVE && from == RegisterStatus.PENDING_CONFIRMATION) {
            // docs/domain.md: the first visit is due within 5 working days of the county's confirmation
            Instant now = time.now();
            entry.confirmed(now);
            LocalDate due = schedule.firstVisitDue(now);
            entry.visitDue(due, schedule.overdueFrom(due));
            entry.tierReviewOn(schedule.tierReviewDue(time.today()));
        }
        if (to == RegisterStatus.EXITED) {
            entry.ageReviewOn(null);
            entry.tierReviewOn(null);
            entry.visitDue(null, null);
            events.publishEvent(new DeadlineMet(VISIT_DEADLINE, entry.id(), "deadline-met.register-exited"));
            campaigns.exited(entry.id());
        }
        entries.saveAndFlush(entry);
        if (to == RegisterStatus.ACTIVE && from == RegisterStatus.PENDING_CONFIRMATION) {
            campaigns.cameIntoForce(entry);
        }
        record(entry, user, step.event().name(), from, List.of(),
                step.event() == RegisterEvent.REQUEST_EXIT ? joinNonNull(step.exitReason(), reason) : reason);
        events.publishEvent(AuditEvent.success(user.username(), "REGISTER_" + step.event().name(), "REGISTER_ENTRY", id)
                .withDetail(from + " -> " + to));
        return view(entry, user);
    }

    private static String joinNonNull(String a, String b) {
        return b == null ? a : a + ": " + b;
    }

    /** The entry's history, oldest first. */
    @Transactional(readOnly = true)
    public List<Change> history(long id, CurrentUser user) {
        visible(id, user);
        return changes.findByEntryIdOrderById(id).stream().map(RegisterChange::toView).toList();
    }

    private void record(RegisterEntry entry, CurrentUser user, String action, RegisterStatus from, List<String> fields,
            String note) {
        changes.save(new RegisterChange(entry.id(), entry.version(), time.now(), user.username(), action, from,
                entry.status(), fields.isEmpty() ? null : String.join(",", fields), note));
    }

    // ------------------------------------------------------------------------------------ visits

    public VisitRecorded recordVisit(long id, NewVisit request, CurrentUser user) {
        RegisterEntry entry = visible(id, user);
        if (!entry.status().inForce()) {
            throw Refusal.invalidState("register-not-in-force", "register.error.visit-not-in-force", entry.status().label());
        }
        List<Refusal.FieldError> errors = new ArrayList<>();
        if (request.visitedOn() == null) {
            errors.add(new Refusal.FieldError("visitedOn", "register.error.visited-on-required"));
        }
        else if (request.visitedOn().isAfter(time.today())) {
            errors.add(new Refusal.FieldError("visitedOn", "register.error.visited-on-future"));
        }
        if (request.kind() == null) {
            errors.add(new Refusal.FieldError("kind", "register.error.kind-required"));
        }
        if (request.safety() == null) {
            errors.add(new Refusal.FieldError("safety", "register.error.safety-required"));
        }
        List<String> conditions = request.livingConditions() == null ? List.of() : request.livingConditions();
        for (String code : conditions) {
            if (!taxonomy.isLivingCondition(code)) {
                errors.add(new Refusal.FieldError("livingConditions", "register.error.living-condition-unknown", code));
            }
        }
        boolean harmFound = request.safety() == VisitSafety.IN_DANGER;
        if (harmFound && (request.reportCategories() == null || request.reportCategories().isEmpty())) {
            errors.add(new Refusal.FieldError("reportCategories", "register.error.report-categories-required"));
        }
        if (harmFound && Texts.blankToNull(request.observations()) == null) {
            errors.add(new Refusal.FieldError("observations", "register.error.observations-required"));
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalidFields(errors);
        }
        RegisterVisit visit = visits.save(new RegisterVisit(entry.id(), request.visitedOn(), request.kind(),
                Texts.blankToNull(request.personsSeen()), conditions.isEmpty() ? null : String.join(",", conditions),
                Texts.blankToNull(request.observations()), request.safety(), Texts.blankToNull(request.needs()),
                Texts.blankToNull(request.nextSteps()), user.username(), time.now()));
        if (harmFound) {
            // docs/domain.md §6.2: harm found on a visit files a report in one step (channel MONITORING),
            // which opens the child's case or joins the open one; the entry and the visit keep the link
            ReportReceipt receipt = intake.fileFromMonitoring(new ReportSubmission(Channel.MONITORING,
                    request.reportCategories(), true, request.visitedOn().equals(time.today()) ? time.now()
                            : request.visitedOn().atStartOfDay(time.zone()).toInstant(),
                    entry.villageCode(), request.observations().strip(), childAsReported(entry),
                    new ReportSubmission.Reporter(false, user.displayName(), null, null, null), null, false), user);
            visit.filedReport(receipt.reportId(), receipt.caseId());
            if (receipt.caseId() != null) {
                entry.linkCase(receipt.caseId());
            }
        }
        entry.visited(request.visitedOn());
        scheduleNext(entry);
        campaigns.visited(entry.id(), request.visitedOn(), visit.id());
        entries.saveAndFlush(entry);
        record(entry, user, "VISIT", entry.status(), List.of("lastVisitOn", "nextVisitDue"), null);
        events.publishEvent(AuditEvent.success(user.username(), "REGISTER_VISIT_RECORDED", "REGISTER_ENTRY", id)
                .withDetail("visit " + visit.id()));
        // an open "visit overdue" escalation of this entry resolves itself
        events.publishEvent(new DeadlineMet(VISIT_DEADLINE, entry.id(), "deadline-met.register-visit"));
        return new VisitRecorded(visit.toView(), entry.visitDueOn(), entry.version());
    }

    /** The registered child as a report describes them, so intake finds the same child again. */
    private ChildData childAsReported(RegisterEntry entry) {
        ChildSummary child = children.find(entry.childId()).orElseThrow();
        return new ChildData(child.name(), child.sex(), child.birthDate(), child.estimatedAge(),
                children.revealIdNumber(entry.childId()).orElse(null), child.identityUnknown(), child.description(),
                entry.villageCode(), child.address(), child.school(), List.of());
    }

    @Transactional(readOnly = true)
    public List<Visit> visits(long id, CurrentUser user) {
        visible(id, user);
        return visits.findByEntryIdOrderByVisitedOnDescIdDesc(id).stream().map(RegisterVisit::toView).toList();
    }

    // ------------------------------------------------------------------------------------ for other modules

    /**
     * The register entry of a case's child, for the case page: the entry linked to the case, if
     * the viewer may see it. Empty otherwise (never an error: the case page shows nothing).
     */
    @Transactional(readOnly = true)
    public Optional<CaseRegisterEntry> registerEntryForCase(long caseId, CurrentUser viewer) {
        Instant now = time.now();
        return entries.findByCaseId(caseId).stream().filter(e -> sees(viewer, e)).findFirst()
                .map(e -> new CaseRegisterEntry(e.id(), e.status(), e.status().label(), e.tier(), e.categories(),
                        e.visitDueOn(), overdue(e, now)));
    }

    // ------------------------------------------------------------------------------------ views

    private Entry view(RegisterEntry entry, CurrentUser user) {
        ChildSummary child = children.find(entry.childId()).orElseThrow();
        boolean any = entry.parentsWhereabouts() != null || entry.caregiverName() != null
                || entry.caregiverRelation() != null || entry.caregiverPhoneCipher() != null;
        LeftBehind left = any ? new LeftBehind(entry.parentsWhereabouts(), entry.caregiverName(),
                entry.caregiverRelation(), contacts.decrypt(entry.caregiverPhoneCipher())) : null;
        return new Entry(entry.id(), entry.version(), entry.status(), entry.status().label(), child,
                entry.villageCode(), jurisdictions.nameOf(entry.villageCode()), entry.categories(),
                entry.distressKinds(), left, entry.household(), entry.school(), entry.tier(), entry.tier().label(),
                entry.createdBy(), entry.createdAt(), entry.returnReason(), entry.exitReason(), entry.exitNote(),
                entry.confirmedAt(), entry.lastVisitOn(), entry.visitDueOn(), overdue(entry, time.now()),
                entry.caseId(), entry.reviewFlags(), entry.tierReviewOn(), allowedEvents(entry, user));
    }
}

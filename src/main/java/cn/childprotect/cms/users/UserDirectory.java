package cn.childprotect.cms.users;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.agencies.AgencyDirectory;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.users.events.UserAccessChanged;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The users module's facade: account look-ups for other modules and account administration. */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

    /** Problem types of the refusals that keep the deployment administrable. */
    public static final String OWN_ACCOUNT = "own-admin-account";
    public static final String LAST_ADMIN = "last-admin";

    private final UserAccounts accounts;
    private final Jurisdictions jurisdictions;
    private final AgencyDirectory agencies;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final PasswordPolicy passwordPolicy;
    private final ShortLivedCache<String, List<UserSummary>> covering;
    private final CredentialStatus credentialStatus;
    private final LoginThrottle throttle;
    private final MessageSource messages;

    UserDirectory(UserAccounts accounts, Jurisdictions jurisdictions, AgencyDirectory agencies,
            PasswordEncoder passwordEncoder, ApplicationEventPublisher events, BusinessTime time,
            PasswordPolicy passwordPolicy, CredentialStatus credentialStatus, LoginThrottle throttle,
            MessageSource messages, TokenProperties tokens) {
        this.covering = new ShortLivedCache<>(tokens.statusCache(), 10_000);
        this.passwordPolicy = passwordPolicy;
        this.credentialStatus = credentialStatus;
        this.throttle = throttle;
        this.messages = messages;
        this.accounts = accounts;
        this.jurisdictions = jurisdictions;
        this.agencies = agencies;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.time = time;
    }

    public Optional<UserSummary> find(String username) {
        return accounts.findByUsername(username).map(a -> a.toSummary(time.now()));
    }

    public Optional<CurrentUser> findCurrentUser(String username) {
        return accounts.findByUsername(username).map(UserAccount::toCurrentUser);
    }

    /**
     * The name people read for an account (its display name, e.g. "儿童主任 李芳（城关村）"); the
     * username itself when there is no such account (a system actor, an external platform). Pages
     * ask this for every assignee and actor they show: it reads the account row the credential
     * checks keep for {@code cms.token.status-cache} (10 s), so a rename on this instance is seen
     * after its commit, on another instance when the entry expires.
     */
    public String displayNameOf(String username) {
        if (username == null || username.isBlank()) {
            return username;
        }
        return credentialStatus.lookup(username).map(account -> account.user().displayName())
                .filter(shown -> shown != null && !shown.isBlank()).orElse(username);
    }

    /** The name every page shows for the account (stripped): not blank, at most 100 characters. */
    private static String validDisplayName(String name) {
        String stripped = name == null ? "" : name.strip();
        if (stripped.isEmpty() || stripped.length() > 100) {
            throw Refusal.invalidField("displayName", "users.display-name-invalid");
        }
        return stripped;
    }

    /**
     * An account's mail address (alerts and digests go there), stripped; empty means none. One
     * address of the plain local@domain form: a malformed one would make every mail to the account
     * fail in the outbox, so it is refused here, for the page as for the API.
     */
    private static String validEmail(String email) {
        if (email == null || email.isBlank()) {
            return null;
        }
        String stripped = email.strip();
        if (stripped.length() > 200 || !stripped.matches("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+")) {
            throw Refusal.invalidField("email", "users.email-invalid");
        }
        return stripped;
    }

    public List<UserSummary> all() {
        return accounts.findAllByOrderByUsername().stream().map(a -> a.toSummary(time.now())).toList();
    }

    /**
     * Supervisors whose scope contains the division: those bound to its township or its county.
     * Every alert of a filed report asks this; the answer is kept for {@code cms.token.status-cache}
     * (10 s), like a credential's account row: a change on this instance is seen after its commit,
     * on another instance when the entry expires.
     */
    public List<UserSummary> supervisorsCovering(String divisionCode) {
        return covering.get(divisionCode, this::readSupervisorsCovering);
    }

    private List<UserSummary> readSupervisorsCovering(String divisionCode) {
        List<UserAccount> found = DivisionLevel.of(divisionCode) == DivisionLevel.COUNTY
                ? accounts.findEnabledByRoleAt(Role.SUPERVISOR, divisionCode, divisionCode)
                : accounts.findEnabledByRoleAt(Role.SUPERVISOR, JurisdictionCodes.townshipOf(divisionCode),
                        JurisdictionCodes.countyOf(divisionCode));
        return found.stream().map(a -> a.toSummary(time.now())).toList();
    }

    /** Supervisors bound exactly to this division (a township's or the county's own supervisors). */
    public List<UserSummary> supervisorsAt(String divisionCode) {
        return accounts.findByRoleAndJurisdictionCodeInAndEnabledTrue(Role.SUPERVISOR, List.of(divisionCode))
                .stream().map(a -> a.toSummary(time.now())).toList();
    }

    /** The enabled child directors of a village (whom a case there can be assigned to). */
    public List<UserSummary> directorsOf(String villageCode) {
        return accounts.findByRoleAndJurisdictionCodeInAndEnabledTrue(Role.CHILD_DIRECTOR, List.of(villageCode)).stream()
                .map(a -> a.toSummary(time.now())).toList();
    }

    /** Enabled accounts of a role (e.g. every supervisor, for the daily digest). */
    public List<UserSummary> withRole(Role role) {
        return accounts.findByRoleAndEnabledTrueOrderByUsername(role).stream().map(a -> a.toSummary(time.now())).toList();
    }

    @Transactional
    public UserSummary create(NewUser user, String actor) {
        if (user.role() == Role.EXCHANGE_12345) {
            // the exchange role is for the 12345 platform's machine account only (MachineAccounts)
            throw Refusal.invalidField("role", "cms.users.machine-only-role");
        }
        return createAccount(user, actor);
    }

    /** Creates any account; the machine-only roles come through {@link MachineAccounts}. */
    UserSummary createAccount(NewUser user, String actor) {
        if (accounts.findByUsername(user.username()).isPresent()) {
            throw Refusal.invalidField("username", "users.username-taken", user.username());
        }
        requirePassword(user.username(), user.password());
        checkBinding(user.role(), user.jurisdictionCode(), user.institutionType(), user.institutionName(),
                user.agencyCode());
        UserAccount account = new UserAccount(user.username(), passwordEncoder.encode(user.password()),
                validDisplayName(user.displayName()), user.role(), user.jurisdictionCode(), time.now());
        account.assignRole(user.role(), user.jurisdictionCode(), user.institutionType(), user.institutionName(),
                user.agencyCode());
        account.changeEmail(validEmail(user.email()));
        accounts.save(account);
        covering.clearAfterCommit();
        credentialStatus.evictAfterCommit(user.username()); // kept as "no such account" if a page asked just before
        events.publishEvent(AuditEvent.success(actor, "USER_CREATED", "USER", user.username())
                .withDetail("role=" + user.role() + " jurisdiction=" + user.jurisdictionCode()));
        return account.toSummary(time.now());
    }

    @Transactional
    public UserSummary update(String username, UserChange change, String actor) {
        UserAccount account = accounts.findByUsername(username)
                .orElseThrow(() -> Refusal.notFound("users.not-found", username));
        UserSummary before = account.toSummary(time.now());
        refuseAdminLockout(before, change, actor);
        // bearer tokens and API keys of this account are checked against a cached row: refresh it
        credentialStatus.evictAfterCommit(username);
        covering.clearAfterCommit();
        StringBuilder what = new StringBuilder();
        Set<UserAccessChanged.Change> cutBack = EnumSet.noneOf(UserAccessChanged.Change.class);
        if (change.role() != null || change.jurisdictionCode() != null || change.institutionType() != null
                || change.institutionName() != null || change.agencyCode() != null) {
            Role role = change.role() != null ? change.role() : before.role();
            if (role != before.role() && (role == Role.EXCHANGE_12345 || before.role() == Role.EXCHANGE_12345)) {
                throw Refusal.invalidField("role", "cms.users.machine-only-role");
            }
            String code = change.jurisdictionCode() != null ? change.jurisdictionCode() : before.jurisdictionCode();
            InstitutionType type = pick(change.institutionType(), before.institutionType(), role == Role.REPORTER);
            String institution = pick(change.institutionName(), before.institutionName(), role == Role.REPORTER);
            String agency = pick(change.agencyCode(), before.agencyCode(), role == Role.AGENCY_STAFF);
            checkBinding(role, code, type, institution, agency);
            account.assignRole(role, code, type, institution, agency);
            what.append(" role=").append(role).append(" jurisdiction=").append(code);
            if (role != before.role()) {
                cutBack.add(UserAccessChanged.Change.ROLE_CHANGED);
            }
            if (!code.equals(before.jurisdictionCode())) {
                cutBack.add(UserAccessChanged.Change.JURISDICTION_CHANGED);
            }
            if (!Objects.equals(agency, before.agencyCode()) || !Objects.equals(type, before.institutionType())
                    || !Objects.equals(institution, before.institutionName())) {
                cutBack.add(UserAccessChanged.Change.BINDING_CHANGED);
            }
        }
        if (change.displayName() != null && !change.displayName().strip().equals(before.displayName())) {
            account.changeDisplayName(validDisplayName(change.displayName()));
            what.append(" display-name");
        }
        if (change.email() != null) {
            String email = validEmail(change.email());
            if (!Objects.equals(email, before.email())) {
                account.changeEmail(email);
                what.append(" email");
            }
        }
        if (change.enabled() != null) {
            account.setEnabled(change.enabled());
            what.append(change.enabled() ? " enabled" : " disabled");
            if (before.enabled() && !change.enabled()) {
                cutBack.add(UserAccessChanged.Change.DISABLED);
            }
        }
        if (change.password() != null) {
            requirePassword(username, change.password());
            account.changePasswordHash(passwordEncoder.encode(change.password()));
            what.append(" password-reset");
            cutBack.add(UserAccessChanged.Change.PASSWORD_RESET);
        }
        if (Boolean.TRUE.equals(change.unlock())) {
            account.unlock();
            throttle.clear(username);
            what.append(" unlocked");
        }
        events.publishEvent(AuditEvent.success(actor, "USER_UPDATED", "USER", username)
                .withDetail(what.toString().strip()));
        if (!cutBack.isEmpty()) {
            // the browser sessions (and API credentials) of the old access end once this commits
            events.publishEvent(new UserAccessChanged(username, cutBack, actor));
        }
        return account.toSummary(time.now());
    }

    /**
     * Nobody may lock the deployment out of its administration: an administrator cannot disable
     * their own account or take their own ADMIN role away, and the last enabled administrator
     * stays one. The enabled administrators' rows are locked first, so that two administrators
     * disabling each other at the same moment cannot both succeed.
     */
    private void refuseAdminLockout(UserSummary before, UserChange change, String actor) {
        boolean disables = Boolean.FALSE.equals(change.enabled());
        boolean demotes = change.role() != null && change.role() != Role.ADMIN;
        if (before.role() != Role.ADMIN || !before.enabled() || !(disables || demotes)) {
            return;
        }
        String field = disables ? "enabled" : "role";
        if (before.username().equals(actor)) {
            String message = text(disables ? "users.refused.own-account-disable" : "users.refused.own-account-role");
            throw Refusal.invalidState(OWN_ACCOUNT, message)
                    .with("errors", List.of(Map.of("field", field, "message", message)));
        }
        boolean anotherRemains = accounts.lockEnabledAccountsWithRole(Role.ADMIN).stream()
                .anyMatch(admin -> !admin.username().equals(before.username()));
        if (!anotherRemains) {
            String message = text("users.refused.last-admin");
            throw Refusal.invalidState(LAST_ADMIN, message)
                    .with("errors", List.of(Map.of("field", field, "message", message)));
        }
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
    }

    /** Demo and bootstrap accounts: create if absent, otherwise only reset the password if asked. */
    @Transactional
    public boolean ensureAccount(NewUser user, boolean resetPassword) {
        Optional<UserAccount> existing = accounts.findByUsername(user.username());
        if (existing.isPresent()) {
            if (resetPassword && !passwordEncoder.matches(user.password(), existing.get().passwordHash())) {
                existing.get().changePasswordHash(passwordEncoder.encode(user.password()));
            }
            return false;
        }
        create(user, "system");
        return true;
    }

    public boolean anyAccountWithRole(Role role) {
        return accounts.existsByRole(role);
    }

    private static <T> T pick(T requested, T current, boolean relevant) {
        if (!relevant) {
            return null;
        }
        return requested != null ? requested : current;
    }

    private void requirePassword(String username, String password) {
        passwordPolicy.check(username, password).ifPresent(violation -> {
            throw Refusal.invalidField("password", violation.code(), violation.args());
        });
    }

    /** The password rules as one sentence, for forms. */
    public String passwordRules() {
        return messages.getMessage("cms.password.rules", new Object[] { passwordPolicy.minLength() },
                LocaleContextHolder.getLocale());
    }

    /** A role only makes sense bound to the right kind of division and, for some, an organisation. */
    private void checkBinding(Role role, String code, InstitutionType institutionType, String institutionName,
            String agencyCode) {
        var division = jurisdictions.find(code)
                .orElseThrow(() -> Refusal.invalidField("jurisdictionCode", "jurisdictions.unknown-code", code));
        switch (role) {
            case CHILD_DIRECTOR -> {
                if (division.level() != DivisionLevel.VILLAGE) {
                    throw Refusal.invalidField("jurisdictionCode", "users.binding.director-village");
                }
            }
            case SUPERVISOR -> {
                if (division.level() == DivisionLevel.VILLAGE) {
                    throw Refusal.invalidField("jurisdictionCode", "users.binding.supervisor-township");
                }
            }
            case REPORTER -> {
                if (institutionType == null || institutionName == null || institutionName.isBlank()) {
                    throw Refusal.invalidField("institutionName", "users.binding.reporter-institution");
                }
            }
            case AGENCY_STAFF -> {
                if (agencyCode == null || agencies.findByCode(agencyCode).isEmpty()) {
                    throw Refusal.invalidField("agencyCode", "users.binding.agency-staff");
                }
            }
            default -> {
            }
        }
    }
}

package cn.childprotect.cms.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Machine accounts (a school's reporting portal, the 12345 hotline exchange) and their API keys.
 * An administrator creates the account and its keys; a key is shown once, stored as the SHA-256
 * of its 256 random bits (a slow hash adds nothing to a key of that entropy, and the check must
 * be cheap because it runs on every request), can be revoked, and every step is audited.
 */
@Service
@Transactional(readOnly = true)
public class MachineAccounts {

    /** Roles a machine may hold: it files reports, it never reads case files. */
    public static final Set<Role> MACHINE_ROLES = EnumSet.of(Role.REPORTER, Role.HOTLINE_OPERATOR,
            Role.EXCHANGE_12345);

    static final String KEY_PREFIX = "cmsk_";

    private final UserDirectory users;
    private final UserAccounts accounts;
    private final ApiKeys keys;
    private final CredentialStatus status;
    private final ApplicationEventPublisher events;
    private final BusinessTime time;
    private final MessageSource messages;
    private final SecureRandom random = new SecureRandom();

    MachineAccounts(UserDirectory users, UserAccounts accounts, ApiKeys keys, CredentialStatus status,
            ApplicationEventPublisher events, BusinessTime time, MessageSource messages) {
        this.users = users;
        this.accounts = accounts;
        this.keys = keys;
        this.status = status;
        this.events = events;
        this.time = time;
        this.messages = messages;
    }

    /** Creates the account (no usable password) and its first key. */
    @Transactional
    public IssuedApiKey create(NewUser account, String keyLabel, String actor) {
        if (!MACHINE_ROLES.contains(account.role())) {
            throw Refusal.invalidField("role", text("cms.credentials.machine-role"));
        }
        users.createAccount(new NewUser(account.username(), account.displayName(), randomSecret(), account.role(),
                account.jurisdictionCode(), account.institutionType(), account.institutionName(), account.agencyCode(),
                account.email()), actor);
        UserAccount created = accounts.findByUsername(account.username()).orElseThrow();
        created.markMachine();
        events.publishEvent(AuditEvent.success(actor, "MACHINE_ACCOUNT_CREATED", "USER", account.username())
                .withDetail("role=" + account.role()));
        return issue(created, keyLabel, actor);
    }

    @Transactional
    public IssuedApiKey issueKey(String username, String label, String actor) {
        return issue(machine(username), label, actor);
    }

    /** A machine account with its keys, for the administrator's page. */
    public record MachineAccountView(UserSummary account, List<ApiKeySummary> keys) {
    }

    public List<MachineAccountView> all() {
        return accounts.findAllByOrderByUsername().stream().filter(UserAccount::machine)
                .map(a -> new MachineAccountView(a.toSummary(time.now()),
                        keys.findByUsernameOrderById(a.username()).stream().map(ApiKey::toSummary).toList()))
                .toList();
    }

    public List<ApiKeySummary> keysOf(String username) {
        machine(username);
        return keys.findByUsernameOrderById(username).stream().map(ApiKey::toSummary).toList();
    }

    @Transactional
    public ApiKeySummary revoke(String username, long keyId, String actor) {
        ApiKey key = keys.findByIdAndUsername(keyId, username)
                .orElseThrow(() -> Refusal.notFound(text("cms.credentials.no-such-key")));
        key.revoke(time.now(), actor);
        events.publishEvent(AuditEvent.success(actor, "API_KEY_REVOKED", "USER", username).withDetail("key=" + keyId));
        return key.toSummary();
    }

    /** The account a presented key belongs to, if the key is active and the account usable. */
    Optional<CredentialStatus.Snapshot> authenticate(String presentedKey) {
        if (presentedKey == null || !presentedKey.startsWith(KEY_PREFIX) || presentedKey.length() > 100) {
            return Optional.empty();
        }
        return keys.findByKeyHash(sha256(presentedKey)).filter(ApiKey::active)
                .flatMap(key -> status.usable(key.username()));
    }

    private IssuedApiKey issue(UserAccount account, String label, String actor) {
        String key = KEY_PREFIX + randomSecret();
        ApiKey stored = keys.save(new ApiKey(account.username(), key.substring(0, 12), sha256(key),
                label == null || label.isBlank() ? "-" : label.strip(), time.now(), actor));
        events.publishEvent(AuditEvent.success(actor, "API_KEY_CREATED", "USER", account.username())
                .withDetail("key=" + stored.toSummary().id()));
        return new IssuedApiKey(stored.toSummary(), key);
    }

    private UserAccount machine(String username) {
        return accounts.findByUsername(username).filter(UserAccount::machine)
                .orElseThrow(() -> Refusal.notFound(text("cms.credentials.no-such-machine")));
    }

    private String randomSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(String code) {
        return messages.getMessage(code, null, code, LocaleContextHolder.getLocale());
    }
}

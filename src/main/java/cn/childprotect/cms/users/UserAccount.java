package cn.childprotect.cms.users;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

@Entity
@Table(name = "users_account")
class UserAccount {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "display_name")
    private String displayName;

    @Enumerated(EnumType.STRING)
    private Role role;

    @Column(name = "jurisdiction_code", columnDefinition = "char(12)")
    private String jurisdictionCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "institution_type")
    private InstitutionType institutionType;

    @Column(name = "institution_name")
    private String institutionName;

    @Column(name = "agency_code")
    private String agencyCode;

    private String email;

    private boolean enabled;

    @Column(name = "failed_logins")
    private int failedLogins;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at")
    private Instant createdAt;

    /** Raised whenever the account's bearer tokens must stop working (see {@link #securityStamp()}). */
    @Column(name = "security_stamp")
    private long securityStamp;

    /** A machine account signs in with API keys only; its password hash is unusable. */
    private boolean machine;

    @Version
    private long version;

    protected UserAccount() {
    }

    UserAccount(String username, String passwordHash, String displayName, Role role, String jurisdictionCode,
            Instant createdAt) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.jurisdictionCode = jurisdictionCode;
        this.enabled = true;
        this.createdAt = createdAt;
    }

    void assignRole(Role newRole, String newJurisdiction, InstitutionType newInstitutionType,
            String newInstitutionName, String newAgencyCode) {
        if (newRole != role || !java.util.Objects.equals(newJurisdiction, jurisdictionCode)
                || newInstitutionType != institutionType || !java.util.Objects.equals(newInstitutionName, institutionName)
                || !java.util.Objects.equals(newAgencyCode, agencyCode)) {
            securityStamp++;
        }
        this.role = newRole;
        this.jurisdictionCode = newJurisdiction;
        this.institutionType = newInstitutionType;
        this.institutionName = newInstitutionName;
        this.agencyCode = newAgencyCode;
    }

    void changeDisplayName(String name) {
        this.displayName = name;
    }

    void changeEmail(String newEmail) {
        this.email = newEmail;
    }

    void changePasswordHash(String hash) {
        this.passwordHash = hash;
        securityStamp++;
    }

    void setEnabled(boolean nowEnabled) {
        if (enabled && !nowEnabled) {
            securityStamp++;
        }
        this.enabled = nowEnabled;
    }

    void markMachine() {
        this.machine = true;
    }

    boolean machine() {
        return machine;
    }

    /** Every bearer token carries the stamp it was issued under; a different stamp ends it. */
    long securityStamp() {
        return securityStamp;
    }

    java.time.Instant lockedUntil() {
        return lockedUntil;
    }

    void unlock() {
        this.lockedUntil = null;
        this.failedLogins = 0;
    }

    boolean isLockedAt(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    int failedLogins() {
        return failedLogins;
    }

    String username() {
        return username;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean enabled() {
        return enabled;
    }

    Role role() {
        return role;
    }

    String jurisdictionCode() {
        return jurisdictionCode;
    }

    CurrentUser toCurrentUser() {
        return new CurrentUser(username, displayName, role, jurisdictionCode, agencyCode, institutionType,
                institutionName);
    }

    UserSummary toSummary(Instant now) {
        return new UserSummary(username, displayName, role, jurisdictionCode, agencyCode, institutionType,
                institutionName, email, enabled, isLockedAt(now));
    }
}

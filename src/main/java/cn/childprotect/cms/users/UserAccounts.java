package cn.childprotect.cms.users;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface UserAccounts extends JpaRepository<UserAccount, Long> {

    Optional<UserAccount> findByUsername(String username);

    List<UserAccount> findAllByOrderByUsername();

    List<UserAccount> findByRoleAndJurisdictionCodeInAndEnabledTrue(Role role, Collection<String> codes);

    /**
     * Enabled accounts of a role bound to one of two divisions (pass one twice for one). Not an
     * {@code in} list: Hibernate translates a query with a list parameter anew on every call.
     */
    @Query("select a from UserAccount a where a.role = :role and a.enabled = true "
            + "and (a.jurisdictionCode = :first or a.jurisdictionCode = :second)")
    List<UserAccount> findEnabledByRoleAt(@Param("role") Role role, @Param("first") String first,
            @Param("second") String second);

    boolean existsByRole(Role role);

    List<UserAccount> findByRoleAndEnabledTrueOrderByUsername(Role role);

    /** Enabled accounts of a role inside a scope (a prefix of division codes). */
    List<UserAccount> findByRoleAndEnabledTrueAndJurisdictionCodeStartingWith(Role role, String prefix);

    /** The enabled accounts of a role, their rows locked until the transaction ends (in id order, so no deadlock). */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select u from UserAccount u where u.role = :role and u.enabled = true order by u.id")
    List<UserAccount> lockEnabledAccountsWithRole(Role role);

    /** Atomic across instances: concurrent failures must all count. */
    @Modifying
    @Query("update UserAccount u set u.failedLogins = u.failedLogins + 1 where u.username = :username")
    int countFailedLogin(String username);

    @Modifying
    @Query("""
            update UserAccount u set u.lockedUntil = :until, u.failedLogins = 0
            where u.username = :username and u.failedLogins >= :threshold""")
    int lockIfOverThreshold(String username, int threshold, Instant until);

    @Modifying
    @Query("update UserAccount u set u.failedLogins = 0 where u.username = :username and u.failedLogins > 0")
    int resetFailedLogins(String username);
}

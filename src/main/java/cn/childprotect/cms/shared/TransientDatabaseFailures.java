package cn.childprotect.cms.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database failure that passes by itself (a lost or killed connection, a server
 * restart or failover, a deadlock, a lock-wait timeout, an exhausted pool) from one that does
 * not (a constraint, a stale version, a bad statement). A transient failure rolled the work back
 * on the server; the request may be sent again, and an idempotent command may retry itself.
 */
public final class TransientDatabaseFailures {

    private static final Logger log = LoggerFactory.getLogger(TransientDatabaseFailures.class);

    /**
     * MySQL/MariaDB error codes: lock wait timeout, deadlock, server shutdown, gone away, lost
     * connection, can't connect, connection killed (MariaDB), query interrupted, read-only (a
     * replica promoted or a primary demoted during failover), too many connections.
     */
    private static final Set<Integer> TRANSIENT_ERROR_CODES = Set.of(1205, 1213, 1053, 2002, 2003, 2006, 2013, 1927,
            1317, 1290, 1836, 1040, 3572);

    private static final long RETRY_PAUSE_MILLIS = 300;

    private TransientDatabaseFailures() {
    }

    /** True if the failure, or one of its causes, is a transient database failure. */
    public static boolean isTransient(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 25; t = t.getCause(), depth++) {
            if (t instanceof OptimisticLockingFailureException || t instanceof DataIntegrityViolationException) {
                return false; // a stale version or a constraint: sending it again changes nothing
            }
            if (t instanceof PessimisticLockingFailureException || t instanceof TransientDataAccessResourceException
                    || t instanceof QueryTimeoutException || t instanceof RecoverableDataAccessException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && isTransientSql(sql)) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientSql(SQLException sql) {
        if (sql.getSQLState() == null && "Connection is closed".equals(sql.getMessage())) {
            return true; // the pool's answer on a connection it closed as broken (a rollback after a lost connection)
        }
        String state = sql.getSQLState();
        if (state != null && (state.startsWith("08") || state.equals("40001") || state.equals("70100")
                || state.equals("HYT00"))) {
            return true;
        }
        return TRANSIENT_ERROR_CODES.contains(sql.getErrorCode());
    }

    /**
     * Runs an idempotent unit of work, and once more after a short pause if it failed
     * transiently. Only for work that is safe to repeat: its transaction was rolled back, or a
     * repeat finds the first result (an Idempotency-Key claim) instead of doing it twice.
     */
    public static <T> T retryOnce(String what, Supplier<T> work) {
        return retry(what, 2, work);
    }

    /** As {@link #retryOnce}, with up to {@code attempts} attempts in all, for work that may be repeated any number of times. */
    public static <T> T retry(String what, int attempts, Supplier<T> work) {
        for (int attempt = 1;; attempt++) {
            try {
                return work.get();
            }
            catch (RuntimeException failure) {
                if (attempt >= attempts || !isTransient(failure)) {
                    throw failure;
                }
                log.warn("Transient database failure in {}, attempt {} of {}: {}", what, attempt, attempts,
                        rootMessage(failure));
                try {
                    Thread.sleep(RETRY_PAUSE_MILLIS * attempt);
                }
                catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failure;
                }
            }
        }
    }

    /** The innermost message, for the log of a transient failure (lock, connection: no data values). */
    public static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 25; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}

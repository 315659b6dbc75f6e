package cn.childprotect.cms.shared;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Rows that listeners write with the business rows of a transaction (audit entries, statistics
 * marks): collected while the transaction runs and sent just before it commits, all of one kind
 * as one JDBC batch, on the transaction's connection — one round trip instead of one per row,
 * and still committed or rolled back with the rest. Outside a transaction, or when a row comes
 * after the batch was sent, the row is written at once. Rows of a suspended outer transaction
 * stay with it (the collection belongs to the transaction's synchronizations, which suspension
 * sets aside). Rows are not visible to queries of the same transaction before they are sent.
 */
public final class BeforeCommitRows {

    /** Binds one row's values to the statement. */
    public interface Binder {
        void bind(java.sql.PreparedStatement ps) throws java.sql.SQLException;
    }

    private final JdbcTemplate jdbc;
    private final String sql;

    public BeforeCommitRows(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public void add(Binder row) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            write(List.of(row));
            return;
        }
        Pending pending = null;
        for (TransactionSynchronization s : TransactionSynchronizationManager.getSynchronizations()) {
            if (s instanceof Pending p && p.owner == this) {
                pending = p;
            }
        }
        if (pending == null) {
            pending = new Pending(this);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.sent) {
            write(List.of(row));
        }
        else {
            pending.rows.add(row);
        }
    }

    private void write(List<Binder> rows) {
        if (rows.size() == 1) {
            Binder only = rows.get(0);
            jdbc.update(sql, (PreparedStatementSetter) only::bind);
            return;
        }
        jdbc.batchUpdate(sql, rows, rows.size(), (ps, row) -> row.bind(ps));
    }

    private static final class Pending implements TransactionSynchronization {

        final BeforeCommitRows owner;
        final List<Binder> rows = new ArrayList<>();
        boolean sent;

        Pending(BeforeCommitRows owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            sent = true;
            if (!rows.isEmpty()) {
                owner.write(List.copyOf(rows));
                rows.clear();
            }
        }
    }
}

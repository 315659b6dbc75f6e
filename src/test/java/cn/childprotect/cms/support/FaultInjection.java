package cn.childprotect.cms.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Test-only database failures on demand: the application's DataSource is wrapped so that a test
 * can make the next connections fail (a pool that cannot reach the server), the next statements
 * whose SQL contains a fragment fail (a deadlock, a killed connection), or the next commit go
 * through and then report a lost connection (a commit whose outcome the client cannot know).
 * Faults apply only to the thread that armed them (MockMvc runs the request on the test's
 * thread), so background jobs and outbox listeners are not hit. It also records the statements
 * one thread prepares ({@link #recordStatements()}: a JDBC batch is prepared once, one round trip),
 * for tests that bound a job's statements. Import it into a test class; {@link #reset()} after
 * each test.
 */
@TestConfiguration(proxyBeanMethods = false)
public class FaultInjection implements BeanPostProcessor {

    private record Fault(Thread thread, String sqlFragment, AtomicInteger remaining, Supplier<SQLException> failure) {

        boolean fires(String sql) {
            return Thread.currentThread() == thread
                    && (sqlFragment == null || (sql != null && sql.toLowerCase(Locale.ROOT).contains(sqlFragment)))
                    && remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
        }
    }

    private volatile Fault connections;
    private volatile Fault statements;
    private volatile Fault commits;
    private volatile Thread recorded;
    private final List<String> recordedStatements = new CopyOnWriteArrayList<>();

    /** A deadlock victim, as MariaDB reports it. */
    public static SQLException deadlock() {
        return new SQLTransactionRollbackException("Deadlock found when trying to get lock; try restarting transaction",
                "40001", 1213);
    }

    /** A connection killed on the server (KILL, failover), as MariaDB reports it. */
    public static SQLException connectionKilled() {
        return new SQLNonTransientConnectionException("(conn=4711) Connection was killed", "70100", 1927);
    }

    /** The pool could not hand out a connection in time (the server is down or restarting). */
    public static SQLException poolTimeout() {
        return new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out");
    }

    public void failConnections(int times, Supplier<SQLException> failure) {
        connections = new Fault(Thread.currentThread(), null, new AtomicInteger(times), failure);
    }

    public void failStatements(String sqlFragment, int times, Supplier<SQLException> failure) {
        statements = new Fault(Thread.currentThread(), sqlFragment.toLowerCase(Locale.ROOT), new AtomicInteger(times),
                failure);
    }

    /** The next commits of a transaction that ran SQL containing the fragment happen; then the connection reports itself lost. */
    public void loseConnectionAfterCommitOf(String sqlFragment, int times) {
        commits = new Fault(Thread.currentThread(), sqlFragment.toLowerCase(Locale.ROOT), new AtomicInteger(times),
                FaultInjection::connectionKilled);
    }

    /** From now on the statements the current thread prepares are recorded, until {@link #reset()}. */
    public void recordStatements() {
        recordedStatements.clear();
        recorded = Thread.currentThread();
    }

    /** The SQL of each statement recorded since {@link #recordStatements()}, in order. */
    public List<String> recordedStatements() {
        return List.copyOf(recordedStatements);
    }

    public void reset() {
        recorded = null;
        connections = null;
        statements = null;
        commits = null;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && "dataSource".equals(beanName)) {
            return new FaultyDataSource(dataSource);
        }
        return bean;
    }

    private final class FaultyDataSource extends DelegatingDataSource {

        FaultyDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            Fault fault = connections;
            if (fault != null && fault.fires(null)) {
                throw fault.failure().get();
            }
            return wrap(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return wrap(super.getConnection(username, password));
        }

        private Connection wrap(Connection connection) {
            StringBuilder statementsSinceCommit = new StringBuilder();
            InvocationHandler handler = (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if ((name.equals("prepareStatement") || name.equals("prepareCall")) && args != null
                        && args[0] instanceof String sql) {
                    Fault fault = statements;
                    if (fault != null && fault.fires(sql)) {
                        throw fault.failure().get();
                    }
                    statementsSinceCommit.append(sql).append('\n');
                    if (recorded == Thread.currentThread()) {
                        recordedStatements.add(sql);
                    }
                }
                try {
                    Object result = method.invoke(connection, args);
                    if (name.equals("commit") || name.equals("rollback")) {
                        String ran = statementsSinceCommit.toString();
                        statementsSinceCommit.setLength(0);
                        Fault fault = commits;
                        if (name.equals("commit") && fault != null && fault.fires(ran)) {
                            throw fault.failure().get();
                        }
                    }
                    return result;
                }
                catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] { Connection.class }, handler);
        }
    }
}

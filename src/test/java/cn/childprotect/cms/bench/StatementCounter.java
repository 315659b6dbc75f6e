package cn.childprotect.cms.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the application sends, by kind, as a database server would see
 * them: each execute is one round trip, a JDBC batch is one round trip (its rows are counted
 * apart). Wraps the application's DataSource for the benchmarks only.
 */
public final class StatementCounter {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final LongAdder batchedRows = new LongAdder();
    private final LongAdder background = new LongAdder();
    private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

    public void reset() {
        background.reset();
        counts.clear();
        batchedRows.reset();
        bySql.clear();
    }

    /** Statements by kind (select, insert, update, delete, other) since the last reset. */
    public Map<String, Long> snapshot() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    public long total() {
        return counts.values().stream().mapToLong(LongAdder::sum).sum();
    }

    /** Statements of scheduled jobs since the last reset: not in {@link #total()}. */
    public long background() {
        return background.sum();
    }

    public long batchedRows() {
        return batchedRows.sum();
    }

    /** Each statement text (shortened) with how often it was sent, most frequent first. */
    public java.util.List<Map.Entry<String, Long>> statements() {
        return bySql.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().sum()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).toList();
    }

    void count(String sql) {
        if (Thread.currentThread().getName().startsWith("scheduling")) {
            // scheduled jobs (statistics drain, deadline sweep) run on their own timer, not per request
            background.increment();
            return;
        }
        String text = sql == null ? "?" : sql.strip().replaceAll("\\s+", " ");
        bySql.computeIfAbsent(text.length() > 110 ? text.substring(0, 110) + "…" : text, k -> new LongAdder()).increment();
        String kind = sql == null ? "other" : sql.strip().split("\\s+", 2)[0].toLowerCase(Locale.ROOT);
        if (!Map.of("select", 1, "insert", 1, "update", 1, "delete", 1).containsKey(kind)) {
            kind = "other";
        }
        counts.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    DataSource wrap(DataSource target) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws java.sql.SQLException {
                return connection(super.getConnection());
            }

            @Override
            public Connection getConnection(String username, String password) throws java.sql.SQLException {
                return connection(super.getConnection(username, password));
            }
        };
    }

    private Connection connection(Connection target) {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    if (result instanceof Statement statement && !(result instanceof java.sql.ResultSet)) {
                        String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                        return statement(statement, sql);
                    }
                    return result;
                });
    }

    private Object statement(Statement target, String preparedSql) {
        Class<?>[] interfaces = target instanceof java.sql.CallableStatement
                ? new Class<?>[] { java.sql.CallableStatement.class }
                : target instanceof java.sql.PreparedStatement ? new Class<?>[] { java.sql.PreparedStatement.class }
                        : new Class<?>[] { Statement.class };
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                batchedRows.increment();
            }
            else if (name.equals("executeBatch") || name.equals("executeLargeBatch")) {
                count(preparedSql);
            }
            else if (name.startsWith("execute")) {
                count(args != null && args.length > 0 && args[0] instanceof String s ? s : preparedSql);
            }
            return invoke(target, method, args);
        };
        return Proxy.newProxyInstance(getClass().getClassLoader(), interfaces, handler);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        }
        catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Import into a benchmark: every DataSource bean is wrapped; inject {@link StatementCounter}. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }

        @Bean
        static BeanPostProcessor countingDataSources(org.springframework.beans.factory.ObjectProvider<StatementCounter> counter) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    return bean instanceof DataSource ds && !(bean instanceof DelegatingDataSource)
                            ? counter.getObject().wrap(ds) : bean;
                }
            };
        }
    }
}

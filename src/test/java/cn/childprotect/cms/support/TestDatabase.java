package cn.childprotect.cms.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * Chooses, once per test JVM, the database the Spring tests run against:
 * <ol>
 * <li>the server in {@code MYSQL_URL} (with {@code MYSQL_USER}, {@code MYSQL_PASSWORD}) when set —
 * CI points it at the local MariaDB; an unreachable server fails the run, it never falls back;</li>
 * <li>else a MySQL 8.4 container (Testcontainers) when Docker is available;</li>
 * <li>else the embedded default, H2 in MySQL mode (in memory).</li>
 * </ol>
 * The choice is printed, and {@link #isRealMySql()} lets MySQL-only tests skip (visibly) on H2.
 */
public final class TestDatabase {

    public enum Kind { GIVEN_URL, TESTCONTAINERS, EMBEDDED_H2 }

    private static final String H2_URL = "jdbc:h2:mem:cmstest;MODE=MySQL;DB_CLOSE_DELAY=-1;"
            + "DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    private static volatile TestDatabase instance;

    private final Kind kind;
    private final String url;
    private final String username;
    private final String password;
    private final String serverVersion;

    private TestDatabase(Kind kind, String url, String username, String password) {
        this.kind = kind;
        this.url = url;
        this.username = username;
        this.password = password;
        this.serverVersion = probe();
    }

    public static TestDatabase get() {
        if (instance == null) {
            synchronized (TestDatabase.class) {
                if (instance == null) {
                    instance = choose();
                    System.out.println("[test-database] Spring tests run against " + instance.describe());
                }
            }
        }
        return instance;
    }

    private static TestDatabase choose() {
        String given = System.getenv("MYSQL_URL");
        if (given != null && !given.isBlank()) {
            return new TestDatabase(Kind.GIVEN_URL, given, env("MYSQL_USER", "root"), env("MYSQL_PASSWORD", ""));
        }
        if (dockerAvailable()) {
            MySQLContainer mysql = new MySQLContainer("mysql:8.4").withDatabaseName("cms").withUsername("cms")
                    .withPassword("cms");
            mysql.start();
            return new TestDatabase(Kind.TESTCONTAINERS, mysql.getJdbcUrl(), mysql.getUsername(), mysql.getPassword());
        }
        return new TestDatabase(Kind.EMBEDDED_H2, H2_URL, "sa", "");
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        }
        catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    private String probe() {
        try (Connection connection = DriverManager.getConnection(url, username, password)) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        }
        catch (SQLException e) {
            throw new IllegalStateException("The test database at " + url + " cannot be reached (" + e.getMessage()
                    + "). Tests do not fall back to another database when MYSQL_URL is set.", e);
        }
    }

    public void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> username);
        registry.add("spring.datasource.password", () -> password);
    }

    public Kind kind() {
        return kind;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    public String serverVersion() {
        return serverVersion;
    }

    public String describe() {
        return kind + " (" + serverVersion + ") at " + url;
    }

    /** For {@code @EnabledIf}: true on MySQL or MariaDB, false on the embedded H2. */
    public static boolean isRealMySql() {
        return get().kind() != Kind.EMBEDDED_H2;
    }
}

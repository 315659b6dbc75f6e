package cn.childprotect.cms.shared;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableAsync;

/**
 * Scheduled jobs take a database lock (ShedLock, table {@code shedlock}) so that with several
 * instances on one database each run happens once. Async is on for the outbox listeners.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
@EnableAsync
class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        LockProvider jdbcLocks = new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .withTableName("shedlock")
                .build());
        return configuration -> jdbcLocks.lock(configuration).map(UnlockRetried::new);
    }

    /**
     * Durability: a lock whose release hits a database blink would stay taken until its
     * lockAtMostFor (minutes without deadline sweeps or outbox retries); the release is retried.
     */
    private record UnlockRetried(SimpleLock lock) implements SimpleLock {

        @Override
        public void unlock() {
            TransientDatabaseFailures.retry("releasing a scheduler lock", 4, () -> {
                lock.unlock();
                return null;
            });
        }
    }
}

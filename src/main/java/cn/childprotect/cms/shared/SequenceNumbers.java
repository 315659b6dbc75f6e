package cn.childprotect.cms.shared;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Gap-free, human-readable counters (case numbers per county and year, receipt numbers per
 * day). Runs in the caller's transaction: the counter row stays locked until it commits, so two
 * instances never hand out the same number, and a rolled-back report gives its number back.
 */
@Component
public class SequenceNumbers {

    private final JdbcTemplate jdbc;

    SequenceNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
        if (jdbc.update("update shared_sequence set next_value = next_value + 1 where name = ?", name) == 0) {
            try {
                jdbc.update("insert into shared_sequence (name, next_value) values (?, 1)", name);
                return 1;
            }
            catch (DuplicateKeyException raced) {
                // another transaction created the counter first: take the next value after it
                jdbc.update("update shared_sequence set next_value = next_value + 1 where name = ?", name);
            }
        }
        return jdbc.queryForObject("select next_value from shared_sequence where name = ?", Long.class, name);
    }
}

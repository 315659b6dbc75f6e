package cn.childprotect.cms.shared;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counters (case numbers per county and year, receipt numbers per day, report ids), unique
 * across instances, handed out from blocks so that concurrent filings do not wait for each other
 * (docs/domain.md §3.3, "Numbering").
 *
 * <p>Each instance keeps, per counter, the numbers of blocks it took from {@code shared_sequence}.
 * A caller takes the next one from memory (no statement). Only when the instance has none left
 * does the caller take a new block of {@code cms.numbering.block-size} numbers: one update and one
 * read in the caller's transaction. The block's row lock is held until that caller commits — one
 * filing in a block's worth waits for it, not every filing for every other — and the rest of the
 * block becomes available to other callers only after the commit, so a rolled-back block is never
 * handed out (its update is rolled back with it). Two instances take disjoint blocks.
 *
 * <p>Numbers are therefore unique but no longer gap-free nor strictly in order of filing: a filing
 * that rolls back does not give its number back, two instances interleave their blocks, and the
 * numbers an instance held when it stopped are never used.
 */
@Component
public class SequenceNumbers {

    private final JdbcTemplate jdbc;
    private final BlockPool blocks;

    SequenceNumbers(JdbcTemplate jdbc, NumberingProperties numbering) {
        this.jdbc = jdbc;
        this.blocks = new BlockPool(numbering.blockSize());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(String name) {
        return blocks.next(name, this::takeBlock);
    }

    /**
     * Reserves the next block in the counter's row (locked until the caller commits); its last
     * number. One upsert: a new counter (a new day's receipts) created by concurrent filings at
     * once makes them wait for the first, where "update, then insert if missing" let their gap
     * locks deadlock (REPEATABLE READ).
     */
    private long takeBlock(String name) {
        int size = blocks.blockSize();
        jdbc.update("insert into shared_sequence (name, next_value) values (?, ?) "
                + "on duplicate key update next_value = next_value + ?", name, size, size);
        return jdbc.queryForObject("select next_value from shared_sequence where name = ?", Long.class, name);
    }
}

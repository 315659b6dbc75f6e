package cn.childprotect.cms.jurisdictions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.childprotect.cms.shared.ConfigCsv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the division tree from {@code config/seed/jurisdictions.csv} at start: adds new codes
 * and renames changed ones; never deletes (retired codes stay valid for old cases).
 */
@Component
@Order(10)
class JurisdictionSeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(JurisdictionSeed.class);

    private final Divisions divisions;
    private final TransactionTemplate tx;
    private final Path file;
    private final Jurisdictions jurisdictions;

    JurisdictionSeed(Divisions divisions, TransactionTemplate tx, JurisdictionSeedProperties seed,
            Jurisdictions jurisdictions) {
        this.divisions = divisions;
        this.jurisdictions = jurisdictions;
        this.tx = tx;
        this.file = seed.jurisdictions();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Files.exists(file)) {
            log.warn("No jurisdiction seed at {}; the division tree is left as it is", file.toAbsolutePath());
            return;
        }
        List<String[]> rows = readCsv(file);
        int added;
        try {
            added = apply(rows);
        }
        catch (DataIntegrityViolationException raced) {
            // another instance seeded the same codes at the same moment: read again and go on
            added = apply(rows);
        }
        jurisdictions.forget();
        log.info("Jurisdictions: {} divisions in seed, {} added", rows.size(), added);
    }

    private int apply(List<String[]> rows) {
        return tx.execute(status -> {
            int count = 0;
            for (String[] row : rows) {
                String code = row[0];
                String name = row[1];
                var existing = divisions.findById(code);
                if (existing.isEmpty()) {
                    divisions.save(new DivisionEntity(code, name));
                    count++;
                }
                else if (!existing.get().name().equals(name)) {
                    existing.get().rename(name);
                }
            }
            return count;
        });
    }

    static List<String[]> readCsv(Path file) throws IOException {
        List<String[]> rows = ConfigCsv.read(file, 2, "code,name");
        for (String[] row : rows) {
            if (!JurisdictionCodes.isWellFormed(row[0])) {
                throw new IllegalStateException(file + ": not a 12-digit division code: " + row[0]);
            }
        }
        return rows;
    }
}

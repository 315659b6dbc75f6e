package cn.childprotect.cms.agencies;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/** Adds the agencies of {@code config/seed/agencies.csv} that are not yet in the directory. */
@Component
@Order(20)
class AgencySeed implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AgencySeed.class);

    private final AgencyDirectory directory;
    private final Path file;

    AgencySeed(AgencyDirectory directory, @Value("${cms.seed.agencies}") Path file) {
        this.directory = directory;
        this.file = file;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Files.exists(file)) {
            log.warn("No agency seed at {}", file.toAbsolutePath());
            return;
        }
        int added = 0;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] c = trimmed.split(",", -1);
            if (c.length < 5) {
                throw new IllegalStateException(file + " line " + lineNo + ": expected code,type,name,jurisdiction,email");
            }
            var data = new AgencyDirectory.AgencyData(c[0].strip(), AgencyType.valueOf(c[1].strip()), c[2].strip(),
                    c[3].strip(), c[4].strip().isEmpty() ? null : c[4].strip(), true);
            try {
                if (directory.addIfAbsent(data)) {
                    added++;
                }
            }
            catch (DataIntegrityViolationException raced) {
                // another instance added it at the same moment
            }
        }
        log.info("Agencies: {} added from {}", added, file);
    }
}

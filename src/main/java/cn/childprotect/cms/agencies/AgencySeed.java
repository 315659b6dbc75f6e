package cn.childprotect.cms.agencies;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.childprotect.cms.shared.ConfigCsv;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    AgencySeed(AgencyDirectory directory, AgencySeedProperties seed) {
        this.directory = directory;
        this.file = seed.agencies();
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (!Files.exists(file)) {
            log.warn("No agency seed at {}", file.toAbsolutePath());
            return;
        }
        int added = 0;
        for (String[] c : ConfigCsv.read(file, 5, "code,type,name,jurisdiction,email")) {
            var data = new AgencyDirectory.AgencyData(c[0], AgencyType.valueOf(c[1]), c[2], c[3],
                    c[4].isEmpty() ? null : c[4], true);
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

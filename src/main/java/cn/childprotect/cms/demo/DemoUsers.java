package cn.childprotect.cms.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;

import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.shared.ConfigCsv;
import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.NewUser;
import cn.childprotect.cms.users.Role;
import cn.childprotect.cms.users.UserDirectory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Creates the demo users of {@code config/seed/demo-users.csv} (demo data is data, not code) on
 * first start and prints them. Their password is
 * {@code CMS_DEMO_PASSWORD} when set (and is reset to it on every start), otherwise a random
 * one generated at the first start and printed once.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cms.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String COUNTY = "141029000000";
    static final String VILLAGE_1_1 = "141029100001";
    static final String VILLAGE_2_1 = "141029101001";

    private final UserDirectory users;
    private final Jurisdictions jurisdictions;
    private final String configuredPassword;
    private final Path file;

    DemoUsers(UserDirectory users, Jurisdictions jurisdictions, DemoProperties demo, DemoProperties.Seed seed) {
        this.file = seed.demoUsers();
        this.users = users;
        this.jurisdictions = jurisdictions;
        this.configuredPassword = demo.password();
    }

    /** The demo users of the file (see its header), with this password. */
    static List<NewUser> demoUsers(Path file, String password) throws IOException {
        return ConfigCsv.read(file, 7, "7 columns (see the header of the file)").stream()
                .map(c -> new NewUser(c[0], c[1], password, Role.valueOf(c[2]), c[3],
                        c[4].isEmpty() ? null : InstitutionType.valueOf(c[4]), c[5].isEmpty() ? null : c[5],
                        c[6].isEmpty() ? null : c[6], c[0] + "@demo.local"))
                .toList();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jurisdictions.find(VILLAGE_1_1).isEmpty() || jurisdictions.find(VILLAGE_2_1).isEmpty()) {
            log.warn("Demo users need the demo county of config/seed/jurisdictions.csv; none created");
            return;
        }
        boolean fromEnvironment = !configuredPassword.isBlank();
        String password = fromEnvironment ? configuredPassword : randomPassword();
        List<NewUser> demoUsers;
        try {
            demoUsers = demoUsers(file, password);
        }
        catch (IOException | RuntimeException unreadable) {
            log.warn("No demo users: {} cannot be read ({})", file.toAbsolutePath(), unreadable.getMessage());
            return;
        }
        int created = 0;
        for (NewUser user : demoUsers) {
            if (users.ensureAccount(user, fromEnvironment)) {
                created++;
            }
        }
        StringBuilder banner = new StringBuilder("\n================ demo data ================\n");
        banner.append("county ").append(COUNTY).append(" ").append(jurisdictions.nameOf(COUNTY))
                .append(": 2 townships × 3 villages, 13 partner agencies\n");
        for (NewUser user : demoUsers) {
            banner.append(String.format("  %-12s %-17s %s %s%n", user.username(), user.role(), user.jurisdictionCode(),
                    jurisdictions.nameOf(user.jurisdictionCode())));
        }
        if (fromEnvironment) {
            banner.append("password: the value of CMS_DEMO_PASSWORD\n");
        }
        else if (created > 0) {
            banner.append("password (generated now, shown only this once): ").append(password).append('\n');
        }
        else {
            banner.append("password: printed at the first start; set CMS_DEMO_PASSWORD to choose one\n");
        }
        banner.append("======================================================");
        log.info(banner.toString());
    }

    private static String randomPassword() {
        final String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 14; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}

package cn.childprotect.cms.demo;

import java.security.SecureRandom;
import java.util.List;

import cn.childprotect.cms.jurisdictions.Jurisdictions;
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
 * Creates the demo users on first start and prints them. Their password is
 * {@code CMS_DEMO_PASSWORD} when set (and is reset to it on every start), otherwise a random
 * one generated at the first start and printed once.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cms.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    static final String COUNTY = "141029000000";
    static final String TOWNSHIP_1 = "141029100000";
    static final String TOWNSHIP_2 = "141029101000";
    static final String VILLAGE_1_1 = "141029100001";
    static final String VILLAGE_2_1 = "141029101001";

    private final UserDirectory users;
    private final Jurisdictions jurisdictions;
    private final String configuredPassword;

    DemoUsers(UserDirectory users, Jurisdictions jurisdictions, DemoProperties demo) {
        this.users = users;
        this.jurisdictions = jurisdictions;
        this.configuredPassword = demo.password();
    }

    static List<NewUser> demoUsers(String password) {
        return List.of(
                user("operator1", "热线接线员 王敏", Role.HOTLINE_OPERATOR, COUNTY, password),
                new NewUser("school1", "城关小学", password, Role.REPORTER, VILLAGE_1_1, InstitutionType.SCHOOL,
                        "乡宁县城关小学", null, "school1@demo.local"),
                new NewUser("clinic1", "光华镇卫生院", password, Role.REPORTER, TOWNSHIP_2, InstitutionType.MEDICAL,
                        "乡宁县光华镇卫生院", null, "clinic1@demo.local"),
                user("director1", "儿童主任 李芳（城关村）", Role.CHILD_DIRECTOR, VILLAGE_1_1, password),
                user("director2", "儿童主任 赵强（光华村）", Role.CHILD_DIRECTOR, VILLAGE_2_1, password),
                user("supervisor1", "儿童督导员 张伟（昌宁镇）", Role.SUPERVISOR, TOWNSHIP_1, password),
                user("supervisor2", "儿童督导员 陈静（光华镇）", Role.SUPERVISOR, TOWNSHIP_2, password),
                user("county1", "县未保中心 刘洋", Role.SUPERVISOR, COUNTY, password),
                new NewUser("police1", "县公安局 民警 孙磊", password, Role.AGENCY_STAFF, COUNTY, null, null, "XN-PS",
                        "police1@demo.local"),
                user("admin", "系统管理员", Role.ADMIN, COUNTY, password));
    }

    private static NewUser user(String username, String name, Role role, String code, String password) {
        return new NewUser(username, name, password, role, code, null, null, null, username + "@demo.local");
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jurisdictions.find(VILLAGE_1_1).isEmpty() || jurisdictions.find(VILLAGE_2_1).isEmpty()) {
            log.warn("Demo users need the demo county of config/seed/jurisdictions.csv; none created");
            return;
        }
        boolean fromEnvironment = !configuredPassword.isBlank();
        String password = fromEnvironment ? configuredPassword : randomPassword();
        int created = 0;
        for (NewUser user : demoUsers(password)) {
            if (users.ensureAccount(user, fromEnvironment)) {
                created++;
            }
        }
        StringBuilder banner = new StringBuilder("\n================ demo data ================\n");
        banner.append("county ").append(COUNTY).append(" ").append(jurisdictions.nameOf(COUNTY))
                .append(": 2 townships × 3 villages, 13 partner agencies\n");
        for (NewUser user : demoUsers(password)) {
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

package cn.childprotect.cms.users;

import cn.childprotect.cms.jurisdictions.JurisdictionCodes;
import cn.childprotect.cms.jurisdictions.Jurisdictions;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A real deployment (mysql profile) has no demo users, so the first administrator comes from
 * the environment: with {@code CMS_ADMIN_PASSWORD} set and no ADMIN yet, an {@code admin}
 * account bound to the county of the seed is created.
 */
@Component
@Order(25)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserDirectory users;
    private final Jurisdictions jurisdictions;
    private final String password;
    private final String displayName;

    AdminBootstrap(UserDirectory users, Jurisdictions jurisdictions, BootstrapAdminProperties bootstrap) {
        this.users = users;
        this.jurisdictions = jurisdictions;
        this.password = bootstrap.bootstrapAdminPassword();
        this.displayName = bootstrap.bootstrapAdminName();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (password.isBlank() || users.anyAccountWithRole(Role.ADMIN)) {
            return;
        }
        var county = jurisdictions.any()
                .orElseThrow(() -> new IllegalStateException("no jurisdictions seeded; cannot bind the first admin"));
        users.ensureAccount(new NewUser("admin", displayName, password, Role.ADMIN,
                JurisdictionCodes.countyOf(county.code()), null, null, null, null),
                false);
        log.info("Created the first administrator 'admin' from CMS_ADMIN_PASSWORD");
    }
}

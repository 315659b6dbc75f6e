package cn.childprotect.cms.users;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code cms.bootstrap-admin-password} (CMS_ADMIN_PASSWORD): the first administrator's, when none
 * exists; {@code cms.bootstrap-admin-name}: that account's display name (configuration, not code).
 */
@ConfigurationProperties("cms")
record BootstrapAdminProperties(@DefaultValue("") String bootstrapAdminPassword,
        @DefaultValue("admin") String bootstrapAdminName) {
}

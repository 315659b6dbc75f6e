package cn.childprotect.cms.demo;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The demo data's settings. {@code cms.demo.enabled} and {@code cms.demo.cases} switch the demo
 * users and cases on (read by the beans' {@code @ConditionalOnProperty}); {@code cms.demo.password}
 * (CMS_DEMO_PASSWORD) is the demo users' password, generated and printed once when blank.
 */
@Validated
@ConfigurationProperties("cms.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("false") boolean cases,
        @DefaultValue("") String password) {

    /**
     * {@code cms.seed.demo-cases} and {@code cms.seed.demo-users}: the CSVs of demo cases and demo
     * users (application.yml: under CMS_SEED_DIR).
     */
    @Validated
    @ConfigurationProperties("cms.seed")
    record Seed(@NotNull Path demoCases, @NotNull Path demoUsers) {
    }
}

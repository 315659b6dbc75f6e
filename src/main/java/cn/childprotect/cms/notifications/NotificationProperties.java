package cn.childprotect.cms.notifications;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code cms.base-url} (CMS_BASE_URL: the address mails link to) and {@code cms.mail-from}
 * (CMS_MAIL_FROM). Both have no default here: application.yml gives them one, and a start without
 * them fails at once instead of sending mails with broken links.
 */
@Validated
@ConfigurationProperties("cms")
record NotificationProperties(@NotBlank String baseUrl, @NotBlank String mailFrom) {
}

package cn.childprotect.cms.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;

import cn.childprotect.cms.CmsApplication;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A deployment without a usable CMS_PII_KEY stops at start with one line saying what is wrong
 * and one saying what to do (PiiKeyFailureAnalyzer), not a stack trace; the key never appears.
 */
@ExtendWith(OutputCaptureExtension.class)
class PiiKeyStartupTests {

    @TempDir
    Path dir;

    @Test
    void aMissingKeyStopsTheStartWithAnActionableMessage(CapturedOutput output) {
        assertThatThrownBy(() -> start("")).isNotNull();
        assertThat(output).contains("APPLICATION FAILED TO START")
                .contains("CMS_PII_KEY is not set: it is required outside the embedded default.")
                .contains("openssl rand -base64 32")
                .doesNotContain("\tat cn.childprotect").doesNotContain("\tat org.springframework");
    }

    @Test
    void aMalformedKeyStopsTheStartWithoutRevealingIt(CapturedOutput output) {
        assertThatThrownBy(() -> start("not*base64*secret-value")).isNotNull();
        assertThat(output).contains("The value of CMS_PII_KEY is not valid base64.")
                .contains("openssl rand -base64 32").doesNotContain("secret-value").doesNotContain("\tat ");
    }

    @Test
    void aKeyOfTheWrongLengthIsRefusedWithItsLength() {
        String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> new PiiCipher(sixteen, false, dir.resolve("pii.key")))
                .isInstanceOf(PiiKeyException.class).hasMessageContaining("decodes to 16 bytes");
        String good = Base64.getEncoder().encodeToString(new byte[32]);
        assertThat(new PiiCipher(good, false, dir.resolve("pii.key")).hash("x")).hasSize(64);
    }

    private void start(String key) {
        new SpringApplicationBuilder(CmsApplication.class).web(WebApplicationType.SERVLET)
                // command-line arguments: they win over application.yml, as the environment would
                .run("--cms.pii.key=" + key, "--cms.pii.allow-generated-key=false", "--cms.demo.enabled=false",
                        "--server.port=0", "--spring.datasource.url=jdbc:h2:mem:pii-" + UUID.randomUUID()
                                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE",
                        "--cms.escalations.sweep-initial-delay=1h", "--cms.outbox.retry-interval=1h")
                .close();
    }
}

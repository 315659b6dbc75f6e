package cn.childprotect.cms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** Every word a page shows comes from the message bundles: templates hold no Chinese text of their own. */
class TemplateTextTests {

    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff\\u3000-\\u303f\\uff00-\\uffef]");

    @Test
    void templatesContainNoHardCodedChinese() throws IOException {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            offenders = files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    return CJK.matcher(Files.readString(f)).find();
                }
                catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).map(Path::toString).toList();
        }
        assertThat(offenders).as("templates with hard-coded Chinese text").isEmpty();
    }

    /** Each bundle and its English twin hold the same keys: a word added in one language only fails here. */
    @Test
    void everyBundleHasTheSameKeysInChineseAndEnglish() throws IOException {
        List<Path> bundles;
        try (Stream<Path> files = Files.list(Path.of("src/main/resources"))) {
            bundles = files.filter(f -> f.getFileName().toString().matches("messages(-[a-z]+)?\\.properties")).sorted().toList();
        }
        assertThat(bundles).isNotEmpty();
        for (Path zhFile : bundles) {
            Path enFile = zhFile.resolveSibling(zhFile.getFileName().toString().replace(".properties", "_en.properties"));
            assertThat(enFile).as("English twin of " + zhFile).exists();
            var zh = load(zhFile);
            var en = load(enFile);
            assertThat(en.stringPropertyNames()).as("keys of " + zhFile + " missing in " + enFile)
                    .containsAll(zh.stringPropertyNames());
            assertThat(zh.stringPropertyNames()).as("keys of " + enFile + " missing in " + zhFile)
                    .containsAll(en.stringPropertyNames());
        }
    }

    private static java.util.Properties load(Path file) throws IOException {
        var properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        }
        return properties;
    }
}

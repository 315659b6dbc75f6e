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

    @Test
    void everyUiKeyHasAnEnglishTranslation() throws IOException {
        var zh = new java.util.Properties();
        var en = new java.util.Properties();
        try (var a = Files.newBufferedReader(Path.of("src/main/resources/messages-ui.properties"));
                var b = Files.newBufferedReader(Path.of("src/main/resources/messages-ui_en.properties"))) {
            zh.load(a);
            en.load(b);
        }
        assertThat(en.stringPropertyNames()).containsAll(zh.stringPropertyNames());
    }
}

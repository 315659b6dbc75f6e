package cn.childprotect.cms.guardianship;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.springframework.stereotype.Component;

/**
 * Writes a document from a plain-text template of {@code config/documents/} into an editable
 * .docx with Apache POI (docs/domain.md "Guardianship intervention", Documents): a county edits
 * the wording in a text editor, offices open the result in WPS or Word. Template lines: {@code #}
 * comment, {@code @font} body font, {@code @title} centred title, {@code @right} right-aligned,
 * {@code @if-urgent} only for an urgent measure; {@code ${name}} is filled in. The templates are
 * read on each generation, so a changed wording applies without a restart.
 */
@Component
class DocumentWriter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z]+)}");

    private final Path directory;

    DocumentWriter(DocumentProperties properties) {
        this.directory = properties.documentsDir();
    }

    byte[] write(DocumentKind kind, Map<String, String> values, boolean urgent) {
        String template;
        try {
            template = Files.readString(directory.resolve(kind.template()), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new UncheckedIOException("Document template missing: " + directory.resolve(kind.template()), e);
        }
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            String font = null;
            for (String raw : template.lines().toList()) {
                if (raw.startsWith("#")) {
                    continue;
                }
                if (raw.startsWith("@font ")) {
                    font = raw.substring(6).strip();
                    continue;
                }
                if (raw.startsWith("@if-urgent ")) {
                    if (!urgent) {
                        continue;
                    }
                    raw = raw.substring(11);
                }
                boolean title = raw.startsWith("@title ");
                boolean right = raw.startsWith("@right ");
                String text = fill(title || right ? raw.substring(7) : raw, values);
                XWPFParagraph paragraph = doc.createParagraph();
                paragraph.setAlignment(title ? ParagraphAlignment.CENTER
                        : right ? ParagraphAlignment.RIGHT : ParagraphAlignment.LEFT);
                XWPFRun run = paragraph.createRun();
                run.setText(text);
                run.setFontSize(title ? 22 : 16);
                run.setBold(title);
                if (font != null) {
                    run.setFontFamily(font, XWPFRun.FontCharRange.eastAsia);
                    run.setFontFamily(font, XWPFRun.FontCharRange.ascii);
                }
            }
            doc.write(out);
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String fill(String line, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(line);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

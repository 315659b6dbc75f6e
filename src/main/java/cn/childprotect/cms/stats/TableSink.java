package cn.childprotect.cms.stats;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Where an export writes its rows, one at a time, so that no export holds more than a page in
 * memory (docs/domain.md, "Statistics"): CSV (UTF-8 with a byte-order mark, for Excel) or xlsx
 * streamed by fastexcel, flushed every {@value #FLUSH_EVERY} rows.
 */
public interface TableSink extends AutoCloseable {

    int FLUSH_EVERY = 1_000;

    void row(List<?> cells);

    @Override
    void close();

    enum Format {
        CSV("text/csv;charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        public final String mediaType;

        Format(String mediaType) {
            this.mediaType = mediaType;
        }

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static TableSink open(Format format, OutputStream out, String sheetName) {
        return format == Format.CSV ? new Csv(out) : new Xlsx(out, sheetName);
    }

    /** RFC 4180 quoting; a cell that a spreadsheet would run as a formula is prefixed with a quote. */
    final class Csv implements TableSink {
        private final Writer writer;

        Csv(OutputStream out) {
            this.writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            write("\uFEFF");
        }

        @Override
        public void row(List<?> cells) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    line.append(',');
                }
                line.append(quote(cells.get(i)));
            }
            write(line.append("\r\n").toString());
        }

        static String quote(Object cell) {
            if (cell == null) {
                return "";
            }
            String text = cell.toString();
            if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(cell instanceof Number)) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                return "\"" + text.replace("\"", "\"\"") + "\"";
            }
            return text;
        }

        private void write(String text) {
            try {
                writer.write(text);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                writer.flush();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    final class Xlsx implements TableSink {
        private final Workbook workbook;
        private final Worksheet sheet;
        private int next;

        Xlsx(OutputStream out, String sheetName) {
            this.workbook = new Workbook(out, "child-protection-cms", "1.0");
            this.sheet = workbook.newWorksheet(sheetName);
        }

        @Override
        public void row(List<?> cells) {
            for (int c = 0; c < cells.size(); c++) {
                Object cell = cells.get(c);
                if (cell instanceof Number number) {
                    sheet.value(next, c, number);
                }
                else if (cell != null) {
                    sheet.value(next, c, cell.toString());
                }
            }
            next++;
            if (next % FLUSH_EVERY == 0) {
                try {
                    sheet.flush();
                }
                catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public void close() {
            try {
                workbook.finish();
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

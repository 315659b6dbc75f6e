package cn.childprotect.cms.shared;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the seed files of config/: UTF-8, comma-separated, '#' comments and blank lines skipped. */
public final class ConfigCsv {

    private ConfigCsv() {
    }

    /** Rows of stripped cells; a row with fewer than {@code columns} cells fails with its line number. */
    public static List<String[]> read(Path file, int columns, String expected) throws IOException {
        List<String[]> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] cells = Arrays.stream(trimmed.split(",", -1)).map(String::strip).toArray(String[]::new);
            if (cells.length < columns) {
                throw new IllegalStateException(file + " line " + lineNo + ": expected " + expected);
            }
            rows.add(cells);
        }
        return rows;
    }
}

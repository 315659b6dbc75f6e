package cn.childprotect.cms.monitoring;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import cn.childprotect.cms.monitoring.RegisterViews.LeftBehind;
import cn.childprotect.cms.monitoring.RegisterViews.NewEntry;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.Labels;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.stereotype.Service;

/**
 * Import of a county's existing register from Excel (.xlsx) or CSV (docs/domain.md, "The at-risk
 * register"; README, "Import template"). Rows are read as a stream (fastexcel-reader; CSV line by
 * line) and never all held at once, so a 50,000-row file stays in a bounded heap. Each row is
 * checked like an entry made by hand (ID check digit, village in the caller's scope, category
 * codes, dates); the preview lists the errors by row and column; the import creates the valid
 * rows in transactions of {@link #BATCH} rows. A child who already has an entry (matched on the
 * ID number, else name + birth date + village, as intake matches) is skipped, so importing the
 * same file again creates nothing twice. Imported entries are the county's already reviewed
 * register: they are in force at once, their first visit due like a confirmed entry's.
 */
@Service
public class RegisterImport {

    static final int BATCH = 500;
    static final int MAX_ERRORS = 1000;

    /** The template's columns, in order; their headings are message keys {@code register.import.col.<name>}. */
    public static final List<String> COLUMNS = List.of("name", "sex", "birthDate", "idNumber", "villageCode",
            "categories", "distressKinds", "tier", "household", "school", "parentsWhereabouts", "caregiverName",
            "caregiverRelation", "caregiverPhone");

    public enum Format { XLSX, CSV }

    /** One wrong cell: the file's row number (1 is the heading), the column, what is wrong (a message key). */
    public record RowError(int row, String column, Refusal.FieldError error) {
    }

    public record Preview(int rows, int valid, int alreadyRegistered, List<RowError> errors, boolean errorsTruncated) {
    }

    public record Result(int rows, int created, int alreadyRegistered, int invalid) {
    }

    private final Register register;
    private final TransactionTemplate tx;
    private final TransactionTemplate readOnlyTx;

    RegisterImport(Register register, TransactionTemplate tx) {
        this.register = register;
        this.tx = tx;
        this.readOnlyTx = new TransactionTemplate(tx.getTransactionManager());
        this.readOnlyTx.setReadOnly(true);
    }

    /** Administrators and supervisors import (docs/domain.md §2: configuration and their jurisdiction). */
    public static boolean mayImport(CurrentUser user) {
        return user.is(Role.SUPERVISOR) || user.is(Role.ADMIN);
    }

    /**
     * Checks every row and says what an import would do; changes nothing. Rows are checked
     * {@link #BATCH} at a time in one read-only transaction (not one or two per row).
     */
    public Preview preview(InputStream file, Format format, CurrentUser user) {
        requireImporter(user);
        int[] counts = new int[3]; // rows, valid, already registered
        List<RowError> errors = new ArrayList<>();
        boolean[] truncated = { false };
        List<NumberedEntry> batch = new ArrayList<>(BATCH);
        read(file, format, (rowNumber, cells) -> {
            counts[0]++;
            NewEntry entry = toEntry(cells, rowNumber, errors, truncated);
            if (entry == null) {
                return;
            }
            batch.add(new NumberedEntry(rowNumber, entry));
            if (batch.size() == BATCH) {
                check(batch, user, counts, errors, truncated);
            }
        });
        check(batch, user, counts, errors, truncated);
        return new Preview(counts[0], counts[1], counts[2], errors, truncated[0]);
    }

    private record NumberedEntry(int rowNumber, NewEntry entry) {
    }

    private void check(List<NumberedEntry> batch, CurrentUser user, int[] counts, List<RowError> errors,
            boolean[] truncated) {
        if (batch.isEmpty()) {
            return;
        }
        readOnlyTx.executeWithoutResult(s -> {
            for (NumberedEntry row : batch) {
                List<Refusal.FieldError> rowErrors = register.validateImported(row.entry(), user);
                if (!rowErrors.isEmpty()) {
                    rowErrors.forEach(e -> addError(errors, truncated, new RowError(row.rowNumber(), columnOf(e.field()), e)));
                }
                else if (register.isRegistered(row.entry())) {
                    counts[2]++;
                }
                else {
                    counts[1]++;
                }
            }
        });
        batch.clear();
    }

    /** Creates the valid rows not yet registered, {@link #BATCH} rows a transaction; invalid rows are left out. */
    public Result importFile(InputStream file, Format format, CurrentUser user) {
        requireImporter(user);
        int[] counts = new int[4]; // rows, created, already registered, invalid
        List<NewEntry> batch = new ArrayList<>(BATCH);
        List<RowError> ignored = new ArrayList<>();
        boolean[] truncated = { false };
        read(file, format, (rowNumber, cells) -> {
            counts[0]++;
            NewEntry entry = toEntry(cells, rowNumber, ignored, truncated);
            ignored.clear();
            if (entry == null) {
                counts[3]++;
                return;
            }
            batch.add(entry);
            if (batch.size() == BATCH) {
                flush(batch, user, counts);
            }
        });
        flush(batch, user, counts);
        return new Result(counts[0], counts[1], counts[2], counts[3]);
    }

    private void flush(List<NewEntry> batch, CurrentUser user, int[] counts) {
        if (batch.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(s -> {
            for (NewEntry entry : batch) {
                switch (register.importOne(entry, user)) {
                    case CREATED -> counts[1]++;
                    case ALREADY_REGISTERED -> counts[2]++;
                    case INVALID -> counts[3]++;
                }
            }
        });
        batch.clear();
    }

    private static void requireImporter(CurrentUser user) {
        if (!mayImport(user)) {
            throw Refusal.notAllowed("register.import.error.role");
        }
    }

    private static void addError(List<RowError> errors, boolean[] truncated, RowError error) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(error);
        }
        else {
            truncated[0] = true;
        }
    }

    private static String columnOf(String field) {
        if (field == null) {
            return null;
        }
        String plain = field.startsWith("child.") ? field.substring("child.".length())
                : field.startsWith("leftBehind.") ? field.substring("leftBehind.".length()) : field;
        return COLUMNS.contains(plain) ? plain : field;
    }

    /** A row as an entry, or null with its cell errors (an unreadable date, sex or tier). */
    private static NewEntry toEntry(String[] cells, int rowNumber, List<RowError> errors, boolean[] truncated) {
        boolean bad = false;
        String name = cell(cells, 0);
        Sex sex = null;
        String sexText = cell(cells, 1);
        if (sexText != null) {
            for (Sex candidate : Sex.values()) {
                if (candidate.name().equalsIgnoreCase(sexText)
                        || sexText.equals(Labels.of(candidate, Locale.SIMPLIFIED_CHINESE))) {
                    sex = candidate;
                }
            }
            if (sex == null) {
                addError(errors, truncated, new RowError(rowNumber, "sex", new Refusal.FieldError("sex",
                        "register.import.error.sex", sexText)));
                bad = true;
            }
        }
        LocalDate birth = null;
        String birthText = cell(cells, 2);
        if (birthText != null) {
            try {
                birth = LocalDate.parse(birthText.replace('/', '-').replace('.', '-'));
            }
            catch (DateTimeParseException e) {
                addError(errors, truncated, new RowError(rowNumber, "birthDate", new Refusal.FieldError("birthDate",
                        "register.import.error.date", birthText)));
                bad = true;
            }
        }
        RegisterTier tier = null;
        String tierText = cell(cells, 7);
        if (tierText != null) {
            for (RegisterTier candidate : RegisterTier.values()) {
                if (candidate.name().equalsIgnoreCase(tierText)
                        || tierText.equals(Labels.of(candidate, Locale.SIMPLIFIED_CHINESE))) {
                    tier = candidate;
                }
            }
            if (tier == null) {
                addError(errors, truncated, new RowError(rowNumber, "tier", new Refusal.FieldError("tier",
                        "register.import.error.tier", tierText)));
                bad = true;
            }
        }
        if (bad) {
            return null;
        }
        String village = cell(cells, 4);
        LeftBehind left = new LeftBehind(cell(cells, 10), cell(cells, 11), cell(cells, 12), cell(cells, 13));
        return new NewEntry(new ChildData(name, sex, birth, null, cell(cells, 3), false, null, village, null,
                cell(cells, 9), List.of()), village, codes(cell(cells, 5)), codes(cell(cells, 6)), left,
                cell(cells, 8), cell(cells, 9), tier);
    }

    private static List<String> codes(String text) {
        if (text == null) {
            return List.of();
        }
        return Arrays.stream(text.split("[,;\\s\\u3001\\uff0c\\uff1b]+")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    private static String cell(String[] cells, int index) {
        if (index >= cells.length || cells[index] == null) {
            return null;
        }
        String value = cells[index].strip();
        return value.isEmpty() ? null : value;
    }

    // ------------------------------------------------------------------------------------ reading

    /** Calls {@code row} with each data row (after the heading) and its 1-based row number in the file. */
    static void read(InputStream file, Format format, BiConsumer<Integer, String[]> row) {
        try {
            if (format == Format.CSV) {
                readCsv(file, row);
            }
            else {
                readXlsx(file, row);
            }
        }
        catch (IOException | RuntimeException e) {
            if (e instanceof Refusal refusal) {
                throw refusal;
            }
            throw Refusal.badRequest("register-import-unreadable", "register.import.error.unreadable");
        }
    }

    private static void readXlsx(InputStream file, BiConsumer<Integer, String[]> consumer) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file); Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            rows.forEach(r -> {
                if (r.getRowNum() <= 1) {
                    return; // the heading
                }
                String[] cells = new String[COLUMNS.size()];
                boolean any = false;
                for (int i = 0; i < cells.length && i < r.getCellCount(); i++) {
                    Cell cell = r.getCell(i);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        continue;
                    }
                    // a date typed into Excel is a number with a date format: read it as a date
                    cells[i] = i == 2 && cell.getType() == CellType.NUMBER
                            ? r.getCellAsDate(i).map(d -> d.toLocalDate().toString()).orElse(cell.getText())
                            : cell.getText();
                    any |= cells[i] != null && !cells[i].isBlank();
                }
                if (any) {
                    consumer.accept(r.getRowNum(), cells);
                }
            });
        }
        catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void readCsv(InputStream file, BiConsumer<Integer, String[]> consumer) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8));
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (number == 1) {
                continue; // the heading (a UTF-8 byte-order mark before it does no harm)
            }
            if (line.isBlank()) {
                continue;
            }
            consumer.accept(number, splitCsv(line));
        }
    }

    /** One CSV line (RFC 4180 quotes, no line breaks inside a field). */
    static String[] splitCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                }
                else if (c == '"') {
                    quoted = false;
                }
                else {
                    field.append(c);
                }
            }
            else if (c == '"') {
                quoted = true;
            }
            else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            }
            else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields.toArray(String[]::new);
    }

    // ------------------------------------------------------------------------------------ the template

    /** The template: the heading row (in the caller's language) and one example row. */
    public static void writeTemplate(OutputStream out, Format format, List<String> headings, List<String> example)
            throws IOException {
        if (format == Format.CSV) {
            out.write(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }); // so Excel opens it as UTF-8
            out.write((String.join(",", headings) + "\r\n" + String.join(",", example) + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            return;
        }
        Workbook workbook = new Workbook(out, "child-protection-cms", "1.0");
        Worksheet sheet = workbook.newWorksheet("register");
        for (int i = 0; i < headings.size(); i++) {
            sheet.value(0, i, headings.get(i));
            sheet.style(0, i).bold().set();
            sheet.value(1, i, example.get(i));
            sheet.width(i, 16);
        }
        workbook.finish();
    }
}

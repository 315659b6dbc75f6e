package cn.childprotect.cms.monitoring.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.monitoring.RegisterImport;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Import of the county's register from Excel or CSV (README, "Import template"): the file is the
 * request body itself (no multipart), read as a stream. {@code format=csv} or a {@code text/csv}
 * body reads CSV; anything else is read as .xlsx.
 */
@RestController
class RegisterImportController {

    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final RegisterImport imports;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;

    RegisterImportController(RegisterImport imports, CurrentUsers currentUsers, MessageSource messages) {
        this.imports = imports;
        this.currentUsers = currentUsers;
        this.messages = messages;
    }

    @GetMapping("/api/v1/register/import/template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format, Locale locale) throws IOException {
        if (!RegisterImport.mayImport(currentUsers.current())) {
            throw Refusal.notAllowed("register.import.error.role");
        }
        RegisterImport.Format chosen = "csv".equalsIgnoreCase(format) ? RegisterImport.Format.CSV : RegisterImport.Format.XLSX;
        List<String> headings = RegisterImport.COLUMNS.stream()
                .map(c -> messages.getMessage("register.import.col." + c, null, locale)).toList();
        List<String> example = List.of(messages.getMessage("register.import.example", null, locale).split(",", -1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterImport.writeTemplate(out, chosen, headings, example);
        String name = chosen == RegisterImport.Format.CSV ? "register-template.csv" : "register-template.xlsx";
        return ResponseEntity.ok()
                .contentType(chosen == RegisterImport.Format.CSV ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8) : XLSX)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    record RowErrorView(int row, String column, String columnName, String message) {
    }

    record PreviewResponse(int rows, int valid, int alreadyRegistered, List<RowErrorView> errors, boolean errorsTruncated) {
    }

    @PostMapping("/api/v1/register/import/preview")
    PreviewResponse preview(HttpServletRequest request, @RequestParam(required = false) String format, Locale locale)
            throws IOException {
        RegisterImport.Preview preview = imports.preview(request.getInputStream(), formatOf(request, format),
                currentUsers.current());
        return new PreviewResponse(preview.rows(), preview.valid(), preview.alreadyRegistered(),
                preview.errors().stream().map(e -> new RowErrorView(e.row(), e.column(),
                        e.column() == null ? null : messages.getMessage("register.import.col." + e.column(), null,
                                e.column(), locale),
                        messages.getMessage(e.error(), locale))).toList(),
                preview.errorsTruncated());
    }

    @PostMapping("/api/v1/register/import")
    RegisterImport.Result importFile(HttpServletRequest request, @RequestParam(required = false) String format)
            throws IOException {
        return imports.importFile(request.getInputStream(), formatOf(request, format), currentUsers.current());
    }

    private static RegisterImport.Format formatOf(HttpServletRequest request, String format) {
        if (format != null) {
            return "csv".equalsIgnoreCase(format) ? RegisterImport.Format.CSV : RegisterImport.Format.XLSX;
        }
        String type = request.getContentType();
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("text/") ? RegisterImport.Format.CSV
                : RegisterImport.Format.XLSX;
    }
}

package cn.childprotect.cms.ui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.monitoring.Register;
import cn.childprotect.cms.monitoring.RegisterCampaigns;
import cn.childprotect.cms.monitoring.RegisterImport;
import cn.childprotect.cms.monitoring.RegisterTaxonomy;
import cn.childprotect.cms.monitoring.RegisterTier;
import cn.childprotect.cms.monitoring.RegisterViews;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.Role;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register's pages that add to it (issue 12, item 8): a new entry (director or supervisor, a
 * village in scope), the supervisors' key-period campaigns with their per-village progress
 * (docs/domain.md §6.2), and the import of a county's existing register from a spreadsheet
 * (supervisors, administrators). Everything goes through the facades, so their scoping applies.
 */
@Controller
class RegisterManagePagesController {

    private static final MediaType XLSX = MediaType
            .parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final Register register;
    private final RegisterCampaigns campaigns;
    private final RegisterImport imports;
    private final RegisterTaxonomy taxonomy;
    private final Jurisdictions jurisdictions;
    private final CurrentUsers currentUsers;
    private final MessageSource messages;
    private final BusinessTime time;

    RegisterManagePagesController(Register register, RegisterCampaigns campaigns, RegisterImport imports,
            RegisterTaxonomy taxonomy, Jurisdictions jurisdictions, CurrentUsers currentUsers, MessageSource messages,
            BusinessTime time) {
        this.register = register;
        this.campaigns = campaigns;
        this.imports = imports;
        this.taxonomy = taxonomy;
        this.jurisdictions = jurisdictions;
        this.currentUsers = currentUsers;
        this.messages = messages;
        this.time = time;
    }

    // ------------------------------------------------------------------------------------ new entry

    /** What the new-entry form holds; brought back after a refusal so that nothing typed is lost. */
    record EntryForm(String childName, String childSex, String childBirthDate, String childIdNumber,
            String villageCode, List<String> categories, List<String> distressKinds, String parentsWhereabouts,
            String caregiverName, String caregiverRelation, String caregiverPhone, String household, String school,
            String tier) implements java.io.Serializable {

        static EntryForm empty(String village) {
            return new EntryForm(null, null, null, null, village, List.of(), List.of(), null, null, null, null, null,
                    null, null);
        }
    }

    @GetMapping("/register/new")
    String newEntry(Model model) {
        CurrentUser me = currentUsers.current();
        if (!Register.works(me)) {
            return "redirect:/";
        }
        List<?> villages = villages(me);
        if (!model.containsAttribute("form")) {
            String only = me.is(Role.CHILD_DIRECTOR) ? me.jurisdictionCode() : null;
            model.addAttribute("form", EntryForm.empty(only));
        }
        model.addAttribute("villages", villages);
        model.addAttribute("taxonomy", taxonomy);
        model.addAttribute("tiers", RegisterTier.values());
        model.addAttribute("sexes", Sex.values());
        model.addAttribute("today", time.today());
        return "ui/register-new";
    }

    @PostMapping("/register/new")
    String createEntry(@RequestParam(required = false) String childName, @RequestParam(required = false) String childSex,
            @RequestParam(required = false) String childBirthDate, @RequestParam(required = false) String childIdNumber,
            @RequestParam(required = false) String villageCode, @RequestParam(required = false) List<String> categories,
            @RequestParam(required = false) List<String> distressKinds,
            @RequestParam(required = false) String parentsWhereabouts, @RequestParam(required = false) String caregiverName,
            @RequestParam(required = false) String caregiverRelation, @RequestParam(required = false) String caregiverPhone,
            @RequestParam(required = false) String household, @RequestParam(required = false) String school,
            @RequestParam(required = false) String tier, RedirectAttributes redirect) {
        EntryForm form = new EntryForm(childName, childSex, childBirthDate, childIdNumber, villageCode,
                categories == null ? List.of() : categories, distressKinds == null ? List.of() : distressKinds,
                parentsWhereabouts, caregiverName, caregiverRelation, caregiverPhone, household, school, tier);
        try {
            RegisterViews.Entry entry = register.create(toEntry(form), currentUsers.current());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/register/" + entry.id();
        }
        catch (Refusal refusal) {
            // FormRefusals' flash (message, field errors), plus what was typed
            redirect.addFlashAttribute("form", form);
            FormRefusals.flashOf(refusal, messages).forEach(redirect::addFlashAttribute);
            return "redirect:/register/new";
        }
    }

    private static RegisterViews.NewEntry toEntry(EntryForm form) {
        Sex sex = parse(form.childSex(), Sex.class);
        LocalDate birth = Texts.blankToNull(form.childBirthDate()) == null ? null : parseDate(form.childBirthDate());
        ChildData child = new ChildData(Texts.blankToNull(form.childName()), sex, birth, null,
                Texts.blankToNull(form.childIdNumber()), false, null, Texts.blankToNull(form.villageCode()), null,
                Texts.blankToNull(form.school()), List.of());
        RegisterViews.LeftBehind leftBehind = form.categories().contains("LEFT_BEHIND")
                ? new RegisterViews.LeftBehind(Texts.blankToNull(form.parentsWhereabouts()),
                        Texts.blankToNull(form.caregiverName()), Texts.blankToNull(form.caregiverRelation()),
                        Texts.blankToNull(form.caregiverPhone()))
                : null;
        return new RegisterViews.NewEntry(child, Texts.blankToNull(form.villageCode()), form.categories(),
                form.distressKinds(), leftBehind, Texts.blankToNull(form.household()), Texts.blankToNull(form.school()),
                parse(form.tier(), RegisterTier.class));
    }

    private static <E extends Enum<E>> E parse(String value, Class<E> type) {
        if (Texts.blankToNull(value) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate parseDate(String value) {
        try {
            return LocalDate.parse(value.strip());
        }
        catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalidFields(List.of(new Refusal.FieldError("child.birthDate", "ui.register.new.bad-date")));
        }
    }

    private List<?> villages(CurrentUser me) {
        return jurisdictions.within(me.scope()).stream().filter(d -> d.level() == DivisionLevel.VILLAGE).toList();
    }

    // ------------------------------------------------------------------------------------ campaigns

    @GetMapping("/register/campaigns")
    String campaigns(Model model) {
        CurrentUser me = currentUsers.current();
        if (!Register.works(me)) {
            return "redirect:/";
        }
        model.addAttribute("campaigns", campaigns.list(me));
        model.addAttribute("mayOpen", me.is(Role.SUPERVISOR));
        model.addAttribute("scopes", jurisdictions.within(me.scope()).stream()
                .filter(d -> d.level() != DivisionLevel.VILLAGE && !d.code().equals(me.jurisdictionCode())).toList());
        model.addAttribute("ownScope", me.jurisdictionCode());
        model.addAttribute("taxonomy", taxonomy);
        model.addAttribute("today", time.today());
        return "ui/register-campaigns";
    }

    @PostMapping("/register/campaigns")
    @OnRefusal("/register/campaigns")
    String openCampaign(@RequestParam(required = false) String name, @RequestParam(required = false) String scopeCode,
            @RequestParam(required = false) List<String> categories,
            @RequestParam(required = false) LocalDate startsOn, @RequestParam(required = false) LocalDate endsOn,
            RedirectAttributes redirect) {
        RegisterViews.CampaignView opened = campaigns.open(new RegisterViews.NewCampaign(name, scopeCode,
                categories == null ? List.of() : categories, startsOn, endsOn), currentUsers.current());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/register/campaigns/" + opened.id();
    }

    @GetMapping("/register/campaigns/{id}")
    String campaign(@PathVariable long id, Model model) {
        CurrentUser me = currentUsers.current();
        List<RegisterViews.VillageProgress> progress = campaigns.progress(id, me);
        RegisterViews.CampaignView campaign = campaigns.list(me).stream().filter(c -> c.id() == id).findFirst()
                .orElseThrow(() -> Refusal.notFound("register.campaign.error.not-found", id));
        model.addAttribute("campaign", campaign);
        model.addAttribute("progress", progress);
        model.addAttribute("totals", new RegisterViews.VillageProgress(null, null,
                progress.stream().mapToLong(RegisterViews.VillageProgress::total).sum(),
                progress.stream().mapToLong(RegisterViews.VillageProgress::done).sum(),
                progress.stream().mapToLong(RegisterViews.VillageProgress::due).sum(),
                progress.stream().mapToLong(RegisterViews.VillageProgress::overdue).sum()));
        model.addAttribute("taxonomy", taxonomy);
        return "ui/register-campaign";
    }

    // ------------------------------------------------------------------------------------ import

    @GetMapping("/register/import")
    String importPage(Model model) {
        if (!RegisterImport.mayImport(currentUsers.current())) {
            return "redirect:/";
        }
        return "ui/register-import";
    }

    /** The template as on the API, for the browser session (the API takes tokens only). */
    @GetMapping("/register/import/template")
    ResponseEntity<byte[]> template(@RequestParam(defaultValue = "xlsx") String format, Locale locale)
            throws IOException {
        if (!RegisterImport.mayImport(currentUsers.current())) {
            throw Refusal.notAllowed("register.import.error.role");
        }
        RegisterImport.Format chosen = "csv".equalsIgnoreCase(format) ? RegisterImport.Format.CSV
                : RegisterImport.Format.XLSX;
        List<String> headings = RegisterImport.COLUMNS.stream()
                .map(c -> messages.getMessage("register.import.col." + c, null, locale)).toList();
        List<String> example = List.of(messages.getMessage("register.import.example", null, locale).split(",", -1));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RegisterImport.writeTemplate(out, chosen, headings, example);
        String name = chosen == RegisterImport.Format.CSV ? "register-template.csv" : "register-template.xlsx";
        return ResponseEntity.ok()
                .contentType(chosen == RegisterImport.Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : XLSX)
                .header("Content-Disposition", ContentDisposition.attachment().filename(name).build().toString())
                .body(out.toByteArray());
    }

    /** A row error as the page shows it. */
    record RowErrorView(int row, String columnName, String message) {
    }

    /**
     * Checks the uploaded file (the preview) or, with {@code import=true}, imports it. The file is
     * not kept between the two steps: the preview page asks for it again with the import button,
     * so nothing personal waits in a session or on disk (importing the same file twice creates nothing).
     */
    @PostMapping("/register/import")
    @OnRefusal("/register/import")
    String upload(@RequestParam(required = false) MultipartFile file,
            @RequestParam(name = "import", defaultValue = "false") boolean importNow, Model model, Locale locale)
            throws IOException {
        CurrentUser me = currentUsers.current();
        if (!RegisterImport.mayImport(me)) {
            throw Refusal.notAllowed("register.import.error.role");
        }
        if (file == null || file.isEmpty()) {
            throw Refusal.invalidFields(List.of(new Refusal.FieldError("file", "ui.register.import.no-file")));
        }
        String filename = file.getOriginalFilename() == null ? "" : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        RegisterImport.Format format = filename.endsWith(".csv") || "text/csv".equals(file.getContentType())
                ? RegisterImport.Format.CSV : RegisterImport.Format.XLSX;
        try (InputStream in = file.getInputStream()) {
            if (importNow) {
                model.addAttribute("result", imports.importFile(in, format, me));
            }
            else {
                RegisterImport.Preview preview = imports.preview(in, format, me);
                model.addAttribute("preview", preview);
                model.addAttribute("errors", preview.errors().stream().map(e -> new RowErrorView(e.row(),
                        e.column() == null ? null : messages.getMessage("register.import.col." + e.column(), null, locale),
                        messages.getMessage(e.error(), locale))).toList());
            }
        }
        return "ui/register-import";
    }
}

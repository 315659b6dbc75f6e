package cn.childprotect.cms.ui;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseSearch;
import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.ReportAmendments;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.intake.ReportReceipt;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.intake.ReportTaxonomy;
import cn.childprotect.cms.jurisdictions.DivisionLevel;
import cn.childprotect.cms.jurisdictions.Jurisdictions;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.TransientDatabaseFailures;
import cn.childprotect.cms.shared.web.ServiceUnavailable;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.Role;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Filing a report: the short form of a mandated reporter, the hotline's intake form (with a
 * search for an existing case first), the receipt shown big, and "my reports".
 */
@Controller
class ReportPagesController {

    private final IntakeDesk desk;
    private final ReportAmendments amendments;
    private final IntakeQueries queries;
    private final CaseQueries cases;
    private final ReportTaxonomy taxonomy;
    private final Jurisdictions jurisdictions;
    private final CurrentUsers currentUsers;
    private final CaseFiles caseFiles;
    private final ServiceUnavailable unavailable;
    private final MessageSource messages;

    ReportPagesController(IntakeDesk desk, ReportAmendments amendments, IntakeQueries queries, CaseQueries cases, ReportTaxonomy taxonomy,
            Jurisdictions jurisdictions, CurrentUsers currentUsers, CaseFiles caseFiles, ServiceUnavailable unavailable,
            MessageSource messages) {
        this.caseFiles = caseFiles;
        this.unavailable = unavailable;
        this.messages = messages;
        this.desk = desk;
        this.amendments = amendments;
        this.queries = queries;
        this.cases = cases;
        this.taxonomy = taxonomy;
        this.jurisdictions = jurisdictions;
        this.currentUsers = currentUsers;
    }

    /** The form as the browser posts it; every field a string or a list, checked by the facade. */
    public record ReportForm(String idempotencyKey, String channel, List<String> categories, Boolean urgent,
            String occurredAt, String villageCode, String narrative, String childName, String childSex,
            String childBirthDate, String childIdNumber, Boolean childIdentityUnknown, String childDescription,
            String childSchool, String childAddress, Boolean anonymous, String reporterName, String reporterPhone,
            String policeNotifiedAt, String policeStation, String policeReceiptNumber, Boolean pregnancyOrAbortion) {
        // an unticked checkbox is not sent at all
        public boolean isUrgent() { return Boolean.TRUE.equals(urgent); }
        public boolean isChildIdentityUnknown() { return Boolean.TRUE.equals(childIdentityUnknown); }
        public boolean isAnonymous() { return Boolean.TRUE.equals(anonymous); }
        public boolean isPregnancyOrAbortion() { return Boolean.TRUE.equals(pregnancyOrAbortion); }
    }

    @GetMapping({ "/reports/new", "/intake" })
    String form(Model model, @RequestParam(required = false) String q) {
        CurrentUser me = currentUsers.current();
        if (!IntakeDesk.mayFile(me)) {
            return "redirect:/";
        }
        model.addAttribute("form", new ReportForm(UUID.randomUUID().toString(), "HOTLINE", List.of(), false, null,
                defaultVillage(me), null, null, null, null, null, false, null, null, null, false, null, null, null,
                null, null, false));
        return prepare(model, me, q);
    }

    @PostMapping("/reports")
    String submit(@ModelAttribute ReportForm form, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        CurrentUser me = currentUsers.current();
        try {
            ReportReceipt receipt = desk.submit(toSubmission(form, me), Texts.blankToNull(form.idempotencyKey()), me);
            redirect.addFlashAttribute("receipt", receipt);
            return "redirect:/reports/" + receipt.reportId() + "/receipt";
        }
        catch (Refusal problem) {
            model.addAttribute("form", form);
            // the form is shown again with what was typed, so this handler keeps its own catch
            model.addAttribute("fieldErrors", FormRefusals.byField(problem, messages));
            model.addAttribute("pageError", FormRefusals.message(problem, messages));
            return prepare(model, me, null);
        }
        catch (IllegalArgumentException badInput) {
            model.addAttribute("form", form);
            model.addAttribute("pageError", badInput.getMessage());
            return prepare(model, me, null);
        }
        catch (RuntimeException failure) {
            if (!TransientDatabaseFailures.isTransient(failure)) {
                throw failure;
            }
            // the database blinked: keep what was typed (and its Idempotency-Key) so that sending again is safe
            unavailable.markPage(response, failure);
            model.addAttribute("form", form);
            model.addAttribute("pageError", messages.getMessage("ui.unavailable.form", null, LocaleContextHolder.getLocale()));
            return prepare(model, me, null);
        }
    }

    @GetMapping("/reports/{id}/receipt")
    String receipt(@PathVariable long id, Model model) {
        if (!model.containsAttribute("receipt")) {
            return "redirect:/reports/mine";
        }
        return "ui/receipt";
    }

    /** From the receipt: the person who took the call links it to the case it is really about. */
    @PostMapping("/reports/{id}/link")
    @OnRefusal("/reports/mine")
    String link(@PathVariable long id, @RequestParam long caseId, RedirectAttributes redirect) {
        amendments.linkToCase(id, caseId, currentUsers.current());
        redirect.addFlashAttribute("linkedTo", caseFiles.findInScope(caseId, currentUsers.current()).map(CaseRef::caseNumber).orElse(null));
        return "redirect:/reports/mine";
    }

    @GetMapping("/reports/mine")
    String mine(Model model) {
        CurrentUser me = currentUsers.current();
        var page = PageRequest.of(0, 50,
                Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by(Sort.Direction.DESC, "id")));
        if (me.is(Role.REPORTER)) {
            model.addAttribute("feedback", queries.myFeedback(me, page).getContent());
        }
        else {
            model.addAttribute("reports", queries.list(true, me, page).getContent());
        }
        model.addAttribute("taxonomy", taxonomy);
        return "ui/my-reports";
    }

    /**
     * Records the police notification of a report (the form on the receipt, "my reports", the
     * case page and the escalation queue), then goes back to where it was sent from.
     */
    @PostMapping("/reports/{id}/police-notification")
    String recordPolice(@PathVariable long id, @RequestParam(required = false) String notifiedAt,
            @RequestParam(required = false) String station, @RequestParam(required = false) String receiptNumber,
            @RequestParam(defaultValue = "mine") String back, @RequestParam(required = false) Long caseId,
            RedirectAttributes redirect) {
        CurrentUser me = currentUsers.current();
        try {
            Instant at = notifiedAt == null || notifiedAt.isBlank() ? null : local(notifiedAt, ZoneId.of("Asia/Shanghai"));
            amendments.recordPoliceNotification(id, new ReportSubmission.PoliceNotification(at, Texts.blankToNull(station),
                    Texts.blankToNull(receiptNumber)), me);
            redirect.addFlashAttribute("saved", true);
            redirect.addFlashAttribute("policeSaved", true);
        }
        catch (Refusal problem) {
            // goes back to where the form was sent from, with the form open: its own catch
            redirect.addFlashAttribute("pageError", FormRefusals.message(problem, messages));
            redirect.addFlashAttribute("fieldErrors", FormRefusals.byField(problem, messages));
            redirect.addFlashAttribute("policeReportId", id);
        }
        catch (java.time.DateTimeException badTime) {
            redirect.addFlashAttribute("pageError", messages.getMessage("ui.police.bad-time", null,
                    org.springframework.context.i18n.LocaleContextHolder.getLocale()));
            redirect.addFlashAttribute("policeReportId", id);
        }
        // only these destinations: the form never chooses a URL
        return switch (back) {
            case "case" -> caseId == null ? "redirect:/reports/mine" : "redirect:/cases/" + caseId;
            case "escalations" -> "redirect:/escalations";
            default -> "redirect:/reports/mine";
        };
    }

    private String prepare(Model model, CurrentUser me, String q) {
        model.addAttribute("taxonomy", taxonomy);
        // a MONITORING report is filed from a register visit, not on this form
        model.addAttribute("channels", java.util.Arrays.stream(Channel.values()).filter(c -> c != Channel.MONITORING).toList());
        model.addAttribute("villages", jurisdictions.within(me.scope()).stream()
                .filter(d -> d.level() == DivisionLevel.VILLAGE).toList());
        model.addAttribute("hotline", !me.is(Role.REPORTER));
        if (q != null && !q.isBlank() && CaseQueries.mayList(me)) {
            model.addAttribute("q", q);
            model.addAttribute("matches", queries.describe(cases.search(
                    new CaseSearch(null, null, false, null, false, null, q, null, null), PageRequest.of(0, 10), me)
                    .getContent(), me));
        }
        return "ui/report-form";
    }

    private String defaultVillage(CurrentUser me) {
        return DivisionLevel.of(me.jurisdictionCode()) == DivisionLevel.VILLAGE ? me.jurisdictionCode() : null;
    }

    private static ReportSubmission toSubmission(ReportForm f, CurrentUser me) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        ChildData child = new ChildData(Texts.blankToNull(f.childName()),
                f.childSex() == null || f.childSex().isBlank() ? null : Sex.valueOf(f.childSex()),
                f.childBirthDate() == null || f.childBirthDate().isBlank() ? null : LocalDate.parse(f.childBirthDate()),
                null, Texts.blankToNull(f.childIdNumber()), f.isChildIdentityUnknown(), Texts.blankToNull(f.childDescription()), null,
                Texts.blankToNull(f.childAddress()), Texts.blankToNull(f.childSchool()), List.of());
        ReportSubmission.PoliceNotification police = f.policeNotifiedAt() == null || f.policeNotifiedAt().isBlank()
                ? (Texts.blankToNull(f.policeStation()) == null ? null
                        : new ReportSubmission.PoliceNotification(null, f.policeStation(), f.policeReceiptNumber()))
                : new ReportSubmission.PoliceNotification(local(f.policeNotifiedAt(), zone), f.policeStation(),
                        f.policeReceiptNumber());
        return new ReportSubmission(me.is(Role.REPORTER) ? Channel.INSTITUTION
                : (f.channel() == null ? null : Channel.valueOf(f.channel())),
                f.categories() == null ? new ArrayList<>() : f.categories(), f.isUrgent(),
                f.occurredAt() == null || f.occurredAt().isBlank() ? null : local(f.occurredAt(), zone),
                Texts.blankToNull(f.villageCode()), f.narrative(), child,
                new ReportSubmission.Reporter(f.isAnonymous(), Texts.blankToNull(f.reporterName()), Texts.blankToNull(f.reporterPhone()),
                        null, null),
                police, f.isPregnancyOrAbortion());
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

}

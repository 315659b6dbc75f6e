package cn.childprotect.cms.guardianship.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.guardianship.DocumentKind;
import cn.childprotect.cms.guardianship.MeasureDesk;
import cn.childprotect.cms.guardianship.MeasureDocument;
import cn.childprotect.cms.guardianship.MeasureField;
import cn.childprotect.cms.guardianship.MeasureInput;
import cn.childprotect.cms.guardianship.MeasureStep;
import cn.childprotect.cms.guardianship.MeasureSteps;
import cn.childprotect.cms.guardianship.MeasureType;
import cn.childprotect.cms.guardianship.MeasureView;
import cn.childprotect.cms.guardianship.Placement;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.Texts;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The measure pages (docs/domain.md "Guardianship intervention"): a form per type, the measure
 * with a form per step open to it and its document buttons, and the supervisor's list of active
 * orders and placements. Everything goes through {@link MeasureDesk}, so its scoping applies.
 */
@Controller
class MeasurePagesController {

    private final MeasureDesk desk;
    private final CurrentUsers currentUsers;
    private final BusinessTime time;
    private final MessageSource messages;

    MeasurePagesController(MeasureDesk desk, CurrentUsers currentUsers, BusinessTime time, MessageSource messages) {
        this.desk = desk;
        this.currentUsers = currentUsers;
        this.time = time;
        this.messages = messages;
    }

    @GetMapping("/cases/{caseId}/measures/new")
    String newMeasure(@PathVariable long caseId, @RequestParam(required = false) MeasureType type, Model model) {
        CurrentUser me = currentUsers.current();
        model.addAttribute("me", me);
        model.addAttribute("caseId", caseId);
        model.addAttribute("types", MeasureType.values());
        model.addAttribute("type", type);
        model.addAttribute("fields", type == null ? List.of() : MeasureSteps.formFields(type));
        model.addAttribute("grounds", List.of("GD01", "GD02", "GD03", "GD04", "GD05"));
        model.addAttribute("placements", Placement.values());
        model.addAttribute("values", Map.of());
        return "guardianship/measure-new";
    }

    @PostMapping("/cases/{caseId}/measures")
    String record(@PathVariable long caseId, @RequestParam MeasureType type, @RequestParam Map<String, String> form,
            Model model) {
        CurrentUser me = currentUsers.current();
        try {
            MeasureView view = desk.record(caseId, type, input(form), me);
            return "redirect:/measures/" + view.id() + (view.offeredCaseEvents().isEmpty() ? "" : "?emergency=offered");
        }
        catch (Refusal.InvalidInput invalid) {
            newMeasure(caseId, type, model);
            model.addAttribute("values", form);
            model.addAttribute("fieldErrors", fieldErrors(invalid));
            return "guardianship/measure-new";
        }
    }

    @GetMapping("/measures/{id}")
    String measure(@PathVariable long id, Model model) {
        CurrentUser me = currentUsers.current();
        MeasureView view = desk.find(id, me);
        model.addAttribute("me", me);
        model.addAttribute("m", view);
        Map<MeasureStep, List<MeasureField>> stepForms = new LinkedHashMap<>();
        view.allowedSteps().forEach(s -> MeasureSteps.find(view.type(), s.step())
                .ifPresent(row -> stepForms.put(s.step(), MeasureSteps.formFields(row))));
        model.addAttribute("stepForms", stepForms);
        model.addAttribute("documents", Arrays.stream(DocumentKind.values()).filter(k -> k.isFor(view.type())).toList());
        model.addAttribute("grounds", List.of("GD01", "GD02", "GD03", "GD04", "GD05"));
        model.addAttribute("placements", Placement.values());
        model.addAttribute("values", Map.of());
        return "guardianship/measure";
    }

    @PostMapping("/measures/{id}/steps")
    String step(@PathVariable long id, @RequestParam MeasureStep step, @RequestParam Long version,
            @RequestParam Map<String, String> form, RedirectAttributes redirect) {
        try {
            desk.take(id, step, version, input(form), currentUsers.current());
            redirect.addFlashAttribute("saved", true);
        }
        catch (Refusal.InvalidInput invalid) {
            redirect.addFlashAttribute("stepError", String.join(" ", fieldErrors(invalid).values()));
            redirect.addFlashAttribute("failedStep", step);
        }
        catch (Refusal.InvalidState | Refusal.StaleVersion | Refusal.NotAllowed refused) {
            redirect.addFlashAttribute("stepError", text(refused));
            redirect.addFlashAttribute("failedStep", step);
        }
        return "redirect:/measures/" + id;
    }

    @GetMapping("/measures/{id}/documents/{kind}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable DocumentKind kind) {
        MeasureDocument document = desk.document(id, kind, currentUsers.current());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MeasureDocument.DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    @GetMapping("/measures/active")
    String active(Model model) {
        CurrentUser me = currentUsers.current();
        model.addAttribute("me", me);
        model.addAttribute("rows", desk.activeOrdersAndPlacements(me));
        return "guardianship/active";
    }

    private MeasureInput input(Map<String, String> form) {
        return new MeasureInput(value(form, "applicant"), value(form, "body"), value(form, "referenceNumber"),
                form.containsKey("urgent") ? Boolean.TRUE : null, instant(form, "occurredAt"),
                instant(form, "decidedAt"), instant(form, "validFrom"), instant(form, "validUntil"),
                value(form, "ground"), value(form, "placement") == null ? null : Placement.valueOf(form.get("placement")),
                value(form, "place"), value(form, "servedOn"), instant(form, "servedAt"),
                value(form, "committeeNotified"), value(form, "groundsText"), value(form, "newGuardian"),
                form.containsKey("revoked") ? Boolean.TRUE : form.containsKey("judged") ? Boolean.FALSE : null,
                instant(form, "observationUntil"), value(form, "note"));
    }

    private static String value(Map<String, String> form, String name) {
        return Texts.blankToNull(form.get(name));
    }

    /** A datetime-local field, in the county's time zone. */
    private Instant instant(Map<String, String> form, String name) {
        String value = value(form, name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDateTime.parse(value).atZone(time.zone()).toInstant();
        }
        catch (DateTimeParseException e) {
            throw Refusal.invalidField(name, "guardianship.date-invalid");
        }
    }

    private Map<String, String> fieldErrors(Refusal.InvalidInput invalid) {
        Map<String, String> errors = new LinkedHashMap<>();
        invalid.errors().forEach(e -> errors.put(e.field(), messages.getMessage(e, LocaleContextHolder.getLocale())));
        return errors;
    }

    private String text(Refusal refusal) {
        return messages.getMessage(refusal, LocaleContextHolder.getLocale());
    }
}

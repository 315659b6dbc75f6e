package cn.childprotect.cms.guardianship.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.guardianship.DocumentKind;
import cn.childprotect.cms.guardianship.MeasureDesk;
import cn.childprotect.cms.guardianship.MeasureDocument;
import cn.childprotect.cms.guardianship.MeasureInput;
import cn.childprotect.cms.guardianship.MeasureStatus;
import cn.childprotect.cms.guardianship.MeasureStep;
import cn.childprotect.cms.guardianship.MeasureSummary;
import cn.childprotect.cms.guardianship.MeasureType;
import cn.childprotect.cms.guardianship.MeasureView;
import cn.childprotect.cms.guardianship.Placement;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Guardianship measures (docs/domain.md "Guardianship intervention"); README, "Guardianship measures". */
@RestController
class MeasuresController {

    private final MeasureDesk desk;
    private final CurrentUsers currentUsers;

    MeasuresController(MeasureDesk desk, CurrentUsers currentUsers) {
        this.desk = desk;
        this.currentUsers = currentUsers;
    }

    /** The fields of every type; which are required for which type: {@code MeasureSteps.REQUIRED_ON_CREATION}. */
    record NewMeasureRequest(@NotNull MeasureType type, @Size(max = 200) String applicant, @Size(max = 200) String body,
            @Size(max = 100) String referenceNumber, Boolean urgent, Instant occurredAt, Instant validFrom,
            Instant validUntil, @Size(max = 10) String ground, Placement placement, @Size(max = 200) String place,
            @Size(max = 4000) String groundsText, @Size(max = 4000) String note) {

        MeasureInput input() {
            return new MeasureInput(applicant, body, referenceNumber, urgent, occurredAt, null, validFrom, validUntil,
                    ground, placement, place, null, null, null, groundsText, null, null, null, note);
        }
    }

    /** A step and the version of the measure it was read at; its fields per {@code MeasureSteps.TABLE}. */
    record StepRequest(@NotNull MeasureStep step, Long version, @Size(max = 200) String body,
            @Size(max = 100) String referenceNumber, Instant occurredAt, Instant decidedAt, Instant validFrom,
            Instant validUntil, @Size(max = 200) String servedOn, Instant servedAt,
            @Size(max = 200) String committeeNotified, @Size(max = 200) String newGuardian, Boolean revoked,
            Instant observationUntil, @Size(max = 4000) String note) {

        MeasureInput input() {
            return new MeasureInput(null, body, referenceNumber, null, occurredAt, decidedAt, validFrom, validUntil,
                    null, null, null, servedOn, servedAt, committeeNotified, null, newGuardian, revoked,
                    observationUntil, note);
        }
    }

    @PostMapping("/api/v1/cases/{caseId}/measures")
    ResponseEntity<MeasureView> record(@PathVariable long caseId, @Valid @RequestBody NewMeasureRequest request) {
        MeasureView view = desk.record(caseId, request.type(), request.input(), currentUsers.current());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/measures/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).eTag("\"" + view.version() + "\"").body(view);
    }

    @PostMapping("/api/v1/measures/{id}/steps")
    ResponseEntity<MeasureView> step(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        MeasureView view = desk.take(id, request.step(), request.version(), request.input(), currentUsers.current());
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/api/v1/measures/{id}")
    ResponseEntity<MeasureView> find(@PathVariable long id) {
        MeasureView view = desk.find(id, currentUsers.current());
        return ResponseEntity.ok().eTag("\"" + view.version() + "\"").body(view);
    }

    @GetMapping("/api/v1/measures")
    List<MeasureView> list(@RequestParam(required = false) MeasureType type,
            @RequestParam(required = false) MeasureStatus status, @RequestParam(required = false) String due) {
        if (due != null && !due.isBlank() && !"overdue".equals(due)) {
            throw Refusal.invalidField("due", "guardianship.due-filter");
        }
        return desk.list(type, status, "overdue".equals(due), currentUsers.current());
    }

    /** A document of the measure as an editable .docx (申请书, 安置通知), from its template in config/documents. */
    @GetMapping("/api/v1/measures/{id}/documents/{kind}")
    ResponseEntity<byte[]> document(@PathVariable long id, @PathVariable DocumentKind kind) {
        MeasureDocument document = desk.document(id, kind, currentUsers.current());
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(MeasureDocument.DOCX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .body(document.content());
    }

    /** The supervisor's list: active protection orders and placements with their end dates. */
    @GetMapping("/api/v1/measures/active")
    List<MeasureSummary> active() {
        return desk.activeOrdersAndPlacements(currentUsers.current());
    }
}

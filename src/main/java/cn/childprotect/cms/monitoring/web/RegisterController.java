package cn.childprotect.cms.monitoring.web;

import java.time.LocalDate;
import java.util.List;

import cn.childprotect.cms.monitoring.Register;
import cn.childprotect.cms.monitoring.RegisterEvent;
import cn.childprotect.cms.monitoring.RegisterStatus;
import cn.childprotect.cms.monitoring.RegisterTaxonomy;
import cn.childprotect.cms.monitoring.RegisterTier;
import cn.childprotect.cms.monitoring.RegisterViews;
import cn.childprotect.cms.monitoring.VisitKind;
import cn.childprotect.cms.monitoring.VisitSafety;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The at-risk register's API (README, "At-risk register"). Changes carry the version they read,
 * as {@code If-Match} (the ETag of GET) or as a {@code version} field.
 */
@RestController
class RegisterController {

    private final Register register;
    private final RegisterTaxonomy taxonomy;
    private final CurrentUsers currentUsers;

    RegisterController(Register register, RegisterTaxonomy taxonomy, CurrentUsers currentUsers) {
        this.register = register;
        this.taxonomy = taxonomy;
        this.currentUsers = currentUsers;
    }

    record EntryRequest(ChildData child, @Size(max = 12) String villageCode, @Size(max = 10) List<@Size(max = 40) String> categories,
            @Size(max = 10) List<@Size(max = 40) String> distressKinds, RegisterViews.LeftBehind leftBehind,
            @Size(max = 500) String household, @Size(max = 100) String school, RegisterTier tier) {
    }

    @GetMapping("/api/v1/register/taxonomy")
    RegisterTaxonomy taxonomy() {
        return taxonomy;
    }

    @PostMapping("/api/v1/register")
    ResponseEntity<RegisterViews.Entry> create(@Valid @RequestBody EntryRequest request) {
        RegisterViews.Entry entry = register.create(new RegisterViews.NewEntry(request.child(), request.villageCode(),
                request.categories(), request.distressKinds(), request.leftBehind(), request.household(),
                request.school(), request.tier()), currentUsers.current());
        return ResponseEntity.status(HttpStatus.CREATED).eTag(Long.toString(entry.version())).body(entry);
    }

    record Page(List<RegisterViews.Row> items, int page, int size) {
    }

    @GetMapping("/api/v1/register")
    Page list(@RequestParam(required = false) RegisterStatus status, @RequestParam(required = false) String category,
            @RequestParam(required = false) RegisterTier tier, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        List<RegisterViews.Row> rows = register.list(new Register.Filter(status, category, tier, overdue, page, size),
                currentUsers.current());
        return new Page(rows, page, size);
    }

    @GetMapping("/api/v1/register/{id}")
    ResponseEntity<RegisterViews.Entry> get(@PathVariable long id) {
        RegisterViews.Entry entry = register.get(id, currentUsers.current());
        return ResponseEntity.ok().eTag(Long.toString(entry.version())).body(entry);
    }

    record ChangeRequest(@Size(max = 10) List<@Size(max = 40) String> categories,
            @Size(max = 10) List<@Size(max = 40) String> distressKinds, RegisterViews.LeftBehind leftBehind,
            @Size(max = 500) String household, @Size(max = 100) String school, RegisterTier tier,
            @Size(max = 1000) String note, Long version) {
    }

    @PatchMapping("/api/v1/register/{id}")
    ResponseEntity<RegisterViews.Entry> update(@PathVariable long id, @Valid @RequestBody ChangeRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        RegisterViews.Entry entry = register.update(id, new RegisterViews.EntryChange(request.categories(),
                request.distressKinds(), request.leftBehind(), request.household(), request.school(), request.tier(),
                request.note()), version(request.version(), ifMatch), currentUsers.current());
        return ResponseEntity.ok().eTag(Long.toString(entry.version())).body(entry);
    }

    record TransitionRequest(RegisterEvent event, @Size(max = 1000) String reason, @Size(max = 40) String exitReason,
            Long version) {
    }

    @PostMapping("/api/v1/register/{id}/transitions")
    ResponseEntity<RegisterViews.Entry> transition(@PathVariable long id, @Valid @RequestBody TransitionRequest request,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        RegisterViews.Entry entry = register.transition(id, new RegisterViews.Transition(request.event(),
                request.reason(), request.exitReason()), version(request.version(), ifMatch), currentUsers.current());
        return ResponseEntity.ok().eTag(Long.toString(entry.version())).body(entry);
    }

    @GetMapping("/api/v1/register/{id}/history")
    List<RegisterViews.Change> history(@PathVariable long id) {
        return register.history(id, currentUsers.current());
    }

    record VisitRequest(LocalDate visitedOn, VisitKind kind, @Size(max = 500) String personsSeen,
            @Size(max = 20) List<@Size(max = 40) String> livingConditions, @Size(max = 4000) String observations,
            VisitSafety safety, @Size(max = 2000) String needs, @Size(max = 2000) String nextSteps,
            @Size(max = 10) List<@Size(max = 10) String> reportCategories) {
    }

    @PostMapping("/api/v1/register/{id}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    RegisterViews.VisitRecorded recordVisit(@PathVariable long id, @Valid @RequestBody VisitRequest request) {
        return register.recordVisit(id, new RegisterViews.NewVisit(request.visitedOn(), request.kind(),
                request.personsSeen(), request.livingConditions(), request.observations(), request.safety(),
                request.needs(), request.nextSteps(), request.reportCategories()), currentUsers.current());
    }

    @GetMapping("/api/v1/register/{id}/visits")
    List<RegisterViews.Visit> visits(@PathVariable long id) {
        return register.visits(id, currentUsers.current());
    }

    /** The body's version wins; else the If-Match ETag ({@code "3"} or {@code W/"3"}); else none (refused as stale). */
    private static Long version(Long fromBody, String ifMatch) {
        if (fromBody != null) {
            return fromBody;
        }
        if (ifMatch == null) {
            return null;
        }
        String digits = ifMatch.replace("W/", "").replace("\"", "").strip();
        try {
            return Long.parseLong(digits);
        }
        catch (NumberFormatException e) {
            return null;
        }
    }
}

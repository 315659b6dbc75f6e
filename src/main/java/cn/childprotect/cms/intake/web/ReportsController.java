package cn.childprotect.cms.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import cn.childprotect.cms.intake.Channel;
import cn.childprotect.cms.intake.IntakeDesk;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.intake.ReportAmendments;
import cn.childprotect.cms.intake.ReportReceipt;
import cn.childprotect.cms.intake.ReportSubmission;
import cn.childprotect.cms.intake.ReportView;
import cn.childprotect.cms.people.ChildData;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.shared.CappedTotal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.CurrentUsers;
import cn.childprotect.cms.users.InstitutionType;
import cn.childprotect.cms.users.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/reports")
class ReportsController {

    private final IntakeDesk desk;
    private final ReportAmendments amendments;
    private final IntakeQueries queries;
    private final CurrentUsers currentUsers;

    ReportsController(IntakeDesk desk, ReportAmendments amendments, IntakeQueries queries, CurrentUsers currentUsers) {
        this.desk = desk;
        this.amendments = amendments;
        this.queries = queries;
        this.currentUsers = currentUsers;
    }

    record GuardianRequest(@Size(max = 50) String name, @Size(max = 30) String relation, @Size(max = 20) String phone) {
    }

    record ChildRequest(@Size(max = 50) String name, Sex sex, LocalDate birthDate, Integer estimatedAge,
            @Size(max = 18) String idNumber, boolean identityUnknown, @Size(max = 1000) String description,
            @Size(max = 12) String villageCode, @Size(max = 200) String address, @Size(max = 100) String school,
            @Size(max = 10) List<@Valid GuardianRequest> guardians) {

        ChildData toData() {
            return new ChildData(name, sex, birthDate, estimatedAge, idNumber, identityUnknown, description,
                    villageCode, address, school, guardians == null ? null
                            : guardians.stream().map(g -> new ChildData.GuardianData(g.name(), g.relation(), g.phone()))
                                    .toList());
        }
    }

    record ReporterRequest(boolean anonymous, @Size(max = 50) String name, @Size(max = 20) String phone,
            InstitutionType institutionType, @Size(max = 100) String institutionName) {
    }

    record PoliceRequest(Instant notifiedAt, @Size(max = 100) String station, @Size(max = 50) String receiptNumber) {

        ReportSubmission.PoliceNotification toNotification() {
            return new ReportSubmission.PoliceNotification(notifiedAt, station, receiptNumber);
        }
    }

    record ReportRequest(Channel channel, @Size(max = 10) List<String> categories, boolean urgent, Instant occurredAt,
            String villageCode, String narrative, @NotNull @Valid ChildRequest child, @Valid ReporterRequest reporter,
            @Valid PoliceRequest police, boolean pregnancyOrAbortion) {

        ReportSubmission toSubmission() {
            return new ReportSubmission(channel, categories, urgent, occurredAt, villageCode, narrative,
                    child.toData(),
                    reporter == null ? null : new ReportSubmission.Reporter(reporter.anonymous(), reporter.name(),
                            reporter.phone(), reporter.institutionType(), reporter.institutionName()),
                    police == null ? null : police.toNotification(), pregnancyOrAbortion);
        }
    }

    @PostMapping
    ResponseEntity<ReportReceipt> submit(@Valid @RequestBody ReportRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        ReportReceipt receipt = desk.submit(request.toSubmission(), idempotencyKey, currentUsers.current());
        var location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(receipt.reportId()).toUri();
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED).location(location)
                .body(receipt);
    }

    /**
     * {@code total} is exact when {@code totalExact}; otherwise there are more than 1,000 (shown as
     * 1,000): never a count of the whole scope.
     */
    record Page<T>(List<T> items, long total, int page, int size, boolean totalExact) {

        static <T> Page<T> of(org.springframework.data.domain.Page<T> result) {
            return new Page<>(result.getContent(), CappedTotal.shown(result.getTotalElements()), result.getNumber(),
                    result.getSize(), CappedTotal.isExact(result.getTotalElements()));
        }
    }

    @GetMapping
    Page<?> list(@RequestParam(defaultValue = "false") boolean mine, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        CurrentUser user = currentUsers.current();
        var pageable = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
                Sort.by(Sort.Direction.DESC, "receivedAt").and(Sort.by(Sort.Direction.DESC, "id")));
        if (user.is(Role.REPORTER)) {
            return Page.of(queries.myFeedback(user, pageable));
        }
        return Page.of(queries.list(mine, user, pageable));
    }

    @GetMapping("/{id}")
    Object get(@PathVariable long id) {
        return queries.find(id, currentUsers.current());
    }

    @PutMapping("/{id}/police-notification")
    ReportView recordPolice(@PathVariable long id, @Valid @RequestBody PoliceRequest request) {
        return amendments.recordPoliceNotification(id, request.toNotification(), currentUsers.current());
    }

    record LinkRequest(@NotNull Long caseId) {
    }

    @PostMapping("/{id}/link")
    ReportView link(@PathVariable long id, @Valid @RequestBody LinkRequest request) {
        // a supervisor in scope, or the hotline operator who filed the report (ReportAmendments decides)
        return amendments.linkToCase(id, request.caseId(), currentUsers.current());
    }
}

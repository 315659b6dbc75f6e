package cn.childprotect.cms.cases.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import cn.childprotect.cms.cases.CaseEvent;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseList;
import cn.childprotect.cms.cases.CaseListRow;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseSearch;
import cn.childprotect.cms.cases.CaseSort;
import cn.childprotect.cms.cases.CaseState;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.cases.CaseTimelineItem;
import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.cases.ResponsePriority;
import cn.childprotect.cms.cases.TransitionCommand;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.shared.web.ApiProblem;
import cn.childprotect.cms.shared.ProblemTypes;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;
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

@RestController
@RequestMapping("/api/v1/cases")
class CasesController {

    private final CaseFiles caseFiles;
    private final CaseQueries queries;
    private final CurrentUsers currentUsers;

    CasesController(CaseFiles caseFiles, CaseQueries queries, CurrentUsers currentUsers) {
        this.caseFiles = caseFiles;
        this.queries = queries;
        this.currentUsers = currentUsers;
    }

    /**
     * A page of cases. {@code total} is exact only when {@code totalExact}; otherwise there are at
     * least that many ({@link CaseQueries#COUNT_CAP}, "1,000+"): no list counts its whole scope.
     * {@code next} is the key to pass as {@code after} with {@code page + 1}: the next page then
     * seeks to its first row instead of skipping the rows before it.
     */
    record CasePage(List<CaseListRow> items, long total, int page, int size, boolean hasNext, boolean totalExact,
            String next) {
    }

    @GetMapping
    CasePage list(@RequestParam(required = false) Set<CaseStatus> status,
            @RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(required = false) RiskLevel riskLevel, @RequestParam(required = false) String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedTo,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) String sort, @RequestParam(defaultValue = "false") boolean urgent,
            @RequestParam(required = false) String after) {
        if (assignee != null && !assignee.equals("me") && !assignee.matches("[A-Za-z0-9._@-]{1,50}")) {
            throw Refusal.invalidField("assignee", "case.refusal.assignee-param");
        }
        if (jurisdiction != null && !jurisdiction.matches("\\d{6}|\\d{9}|\\d{12}")) {
            throw Refusal.invalidField("jurisdiction", "case.refusal.jurisdiction-param");
        }
        boolean me = "me".equals(assignee);
        CaseList rows = queries.list(
                new CaseSearch(status, jurisdiction, me, category, overdue, riskLevel, q, receivedFrom, receivedTo,
                        urgent, me ? null : assignee),
                Math.max(page, 0), Math.min(Math.max(size, 1), 100),
                // overdue work lists read the deadline index in order; everything else newest first
                sortOf(sort != null ? sort : overdue ? "statusDeadline,asc" : "openedAt,desc"),
                currentUsers.current(), after);
        return new CasePage(rows.items(), rows.total(), rows.page(), rows.size(), rows.hasNext(), rows.totalExact(),
                rows.nextKey());
    }

    // GET /{id}, the case file, is composed and served by the casefile module (casefile.web).

    @GetMapping("/{id}/timeline")
    List<CaseTimelineItem> timeline(@PathVariable long id) {
        return queries.timeline(id, currentUsers.current());
    }

    /** ACCEPT also takes responsePriority and overrideReason, SCREEN_OUT screenOutReason and referredTo (docs/domain.md §8). */
    record TransitionRequest(@NotNull CaseEvent event, @Size(max = 2000) String note,
            @Size(max = 500) String reason, Long mergeInto, ResponsePriority responsePriority,
            @Size(max = 500) String overrideReason, @Size(max = 40) String screenOutReason,
            @Size(max = 200) String referredTo) {
    }

    @PostMapping("/{id}/transitions")
    ResponseEntity<CaseState> transition(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody TransitionRequest request) {
        long version = requireVersion(ifMatch);
        CaseState state = caseFiles.transition(id,
                new TransitionCommand(request.event(), request.note(), request.reason(), request.mergeInto(),
                        request.responsePriority(), request.overrideReason(), request.screenOutReason(),
                        request.referredTo()), version,
                currentUsers.current());
        return ResponseEntity.ok().eTag(Long.toString(state.version())).body(state);
    }

    record AssigneeRequest(@NotBlank @Size(max = 50) String username) {
    }

    @PutMapping("/{id}/assignee")
    ResponseEntity<CaseState> assign(@PathVariable long id,
            @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody AssigneeRequest request) {
        Long version = ifMatch == null ? null : parseVersion(ifMatch);
        CaseState state = caseFiles.assign(id, request.username(), version, currentUsers.current());
        return ResponseEntity.ok().eTag(Long.toString(state.version())).body(state);
    }

    private static long requireVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiProblem(HttpStatus.PRECONDITION_REQUIRED, ProblemTypes.PRECONDITION_REQUIRED,
                    "case.refusal.if-match-required");
        }
        return parseVersion(ifMatch);
    }

    /** Accepts {@code "7"}, {@code W/"7"} and a bare {@code 7}. */
    static long parseVersion(String ifMatch) {
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        }
        catch (NumberFormatException e) {
            throw Refusal.badRequest(ProblemTypes.VALIDATION, "case.refusal.if-match-invalid");
        }
    }

    private static CaseSort sortOf(String sort) {
        CaseSort parsed = CaseSort.parse(sort);
        if (parsed == null) {
            throw Refusal.invalidField("sort", "case.refusal.sort-param");
        }
        return parsed;
    }
}

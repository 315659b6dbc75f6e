package cn.childprotect.cms.referrals.web;

import cn.childprotect.cms.shared.CappedTotal;
import java.time.Instant;
import java.util.List;

import java.time.LocalDate;

import cn.childprotect.cms.referrals.ExtensionView;
import cn.childprotect.cms.referrals.ReferralsProperties;
import cn.childprotect.cms.referrals.Satisfaction;
import cn.childprotect.cms.referrals.WorkOrderAction;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.BusinessTime;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import jakarta.validation.constraints.NotNull;
import cn.childprotect.cms.referrals.WorkOrderStatus;
import cn.childprotect.cms.referrals.WorkOrderView;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
class WorkOrdersController {

    private final WorkOrderDesk desk;
    private final CurrentUsers currentUsers;
    private final ReferralsProperties properties;
    private final BusinessTime time;
    private final MessageSource messages;

    WorkOrdersController(WorkOrderDesk desk, CurrentUsers currentUsers, ReferralsProperties properties,
            BusinessTime time, MessageSource messages) {
        this.desk = desk;
        this.currentUsers = currentUsers;
        this.properties = properties;
        this.time = time;
        this.messages = messages;
    }

    record DispatchRequest(@NotBlank @Size(max = 40) String agencyCode, @Size(max = 10) List<String> coAgencyCodes,
            @NotBlank @Size(max = 4000) String requestText,
            @NotBlank @Size(max = 4000) String sharedSummary, Instant deadline) {
    }

    /** Body of the steps that take text: reason (return, reopen, revoke), answer (respond), note (urge, complete). */
    record StepRequest(@Size(max = 4000) String reason, @Size(max = 4000) String answer, @Size(max = 4000) String note,
            @Size(max = 40) String agencyCode) {
    }

    @PostMapping("/api/v1/cases/{caseId}/work-orders")
    ResponseEntity<WorkOrderView> dispatch(@PathVariable long caseId, @Valid @RequestBody DispatchRequest request) {
        WorkOrderView view = desk.dispatch(caseId, new WorkOrderDesk.Dispatch(request.agencyCode(),
                request.coAgencyCodes() == null ? List.of() : request.coAgencyCodes(), request.requestText(), request.sharedSummary(), request.deadline()), currentUsers.current());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/work-orders/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping("/api/v1/cases/{caseId}/work-orders")
    List<WorkOrderView> ofCase(@PathVariable long caseId) {
        return desk.ofCase(caseId, currentUsers.current());
    }

    /** {@code total} is exact when {@code totalExact}; otherwise there are more than 1,000 (shown as 1,000): never a count of the whole scope. */
    record WorkOrderPage(List<WorkOrderView> items, long total, int page, int size, boolean totalExact) {
    }

    @GetMapping("/api/v1/work-orders")
    WorkOrderPage mine(@RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) WorkOrderStatus status, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (!mine) {
            throw Refusal.invalidField("mine", "cms.work-order.mine-required");
        }
        var result = desk.mine(currentUsers.current(), status, overdue,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
                        Sort.by("dueAt", "id")));
        return new WorkOrderPage(result.getContent(), CappedTotal.shown(result.getTotalElements()), result.getNumber(),
                result.getSize(), CappedTotal.isExact(result.getTotalElements()));
    }

    @GetMapping("/api/v1/work-orders/{id}")
    WorkOrderView get(@PathVariable long id) {
        return desk.find(id, currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/sign")
    WorkOrderView sign(@PathVariable long id) {
        return take(id, WorkOrderAction.SIGN, null);
    }

    @PostMapping("/api/v1/work-orders/{id}/return")
    WorkOrderView returnOrder(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return take(id, WorkOrderAction.RETURN, request);
    }

    @PostMapping("/api/v1/work-orders/{id}/respond")
    WorkOrderView respond(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return take(id, WorkOrderAction.RESPOND, request);
    }

    @PostMapping("/api/v1/work-orders/{id}/complete")
    WorkOrderView complete(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request) {
        return take(id, WorkOrderAction.COMPLETE, request);
    }

    @PostMapping("/api/v1/work-orders/{id}/reopen")
    WorkOrderView reopen(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return take(id, WorkOrderAction.REOPEN, request);
    }

    @PostMapping("/api/v1/work-orders/{id}/redispatch")
    WorkOrderView redispatch(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request) {
        return take(id, WorkOrderAction.REDISPATCH, request);
    }

    @PostMapping("/api/v1/work-orders/{id}/revoke")
    WorkOrderView revoke(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return take(id, WorkOrderAction.REVOKE, request);
    }

    @PostMapping("/api/v1/work-orders/{id}/urge")
    WorkOrderView urge(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return take(id, WorkOrderAction.URGE, request);
    }

    /** Each step's text is in the field the step table names (reason, answer or note). */
    private WorkOrderView take(long id, WorkOrderAction action, StepRequest request) {
        String text = request == null ? null : switch (action) {
            case RESPOND -> request.answer();
            case RETURN, REOPEN, REVOKE -> request.reason();
            default -> request.note();
        };
        return desk.take(id, action, new WorkOrderDesk.StepInput(text, request == null ? null : request.agencyCode()),
                currentUsers.current());
    }

    // --- coop (issue 16): extension requests, callbacks -----------------------------------------

    record ExtensionRequestBody(@NotNull Instant requestedDueAt, @Size(max = 4000) String reason) {
    }

    record ExtensionDecisionBody(Instant dueAt, @Size(max = 4000) String reason) {
    }

    @PostMapping("/api/v1/work-orders/{id}/extension-requests")
    ResponseEntity<ExtensionView> requestExtension(@PathVariable long id,
            @Valid @RequestBody ExtensionRequestBody body) {
        ExtensionView view = desk.requestExtension(id, new WorkOrderDesk.ExtensionInput(body.requestedDueAt(),
                body.reason()), currentUsers.current());
        return ResponseEntity.status(201).body(view);
    }

    @PostMapping("/api/v1/work-orders/{id}/extension-requests/{rid}/approve")
    ExtensionView approveExtension(@PathVariable long id, @PathVariable long rid,
            @Valid @RequestBody(required = false) ExtensionDecisionBody body) {
        return desk.approveExtension(id, rid, body == null ? null
                : new WorkOrderDesk.ExtensionDecision(body.dueAt(), body.reason()), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/extension-requests/{rid}/refuse")
    ExtensionView refuseExtension(@PathVariable long id, @PathVariable long rid,
            @Valid @RequestBody ExtensionDecisionBody body) {
        return desk.refuseExtension(id, rid, new WorkOrderDesk.ExtensionDecision(null, body.reason()),
                currentUsers.current());
    }

    @GetMapping("/api/v1/extension-requests")
    List<ExtensionView> pendingExtensions() {
        return desk.pendingExtensions(currentUsers.current());
    }

    record CallbackBody(@NotNull Boolean reached, Satisfaction satisfaction, @Size(max = 4000) String comment) {
    }

    @PostMapping("/api/v1/work-orders/{id}/callbacks")
    ResponseEntity<WorkOrderDesk.CallbackView> callback(@PathVariable long id, @Valid @RequestBody CallbackBody body) {
        return ResponseEntity.status(201).body(desk.recordCallback(id,
                new WorkOrderDesk.CallbackInput(body.reached(), body.satisfaction(), body.comment()),
                currentUsers.current()));
    }

    @GetMapping("/api/v1/work-orders/callbacks-due")
    List<WorkOrderDesk.CallbackDue> callbacksDue() {
        return desk.callbacksDue(currentUsers.current(), properties.callbackWithin(), 200);
    }

    /** 考核: per agency over orders dispatched from {@code from} to {@code to} (dates, both included). */
    @GetMapping("/api/v1/agencies/performance")
    List<WorkOrderDesk.AgencyPerformance> performance(@RequestParam LocalDate from, @RequestParam LocalDate to) {
        if (to.isBefore(from)) {
            throw Refusal.invalidField("to", messages.getMessage("cms.performance.bad-period", null,
                    LocaleContextHolder.getLocale()));
        }
        return desk.performance(from.atStartOfDay(time.zone()).toInstant(),
                to.plusDays(1).atStartOfDay(time.zone()).toInstant(), currentUsers.current());
    }
}

package cn.childprotect.cms.referrals.web;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.referrals.WorkOrderDesk;
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

    WorkOrdersController(WorkOrderDesk desk, CurrentUsers currentUsers) {
        this.desk = desk;
        this.currentUsers = currentUsers;
    }

    record DispatchRequest(@NotBlank @Size(max = 40) String agencyCode, @NotBlank @Size(max = 4000) String requestText,
            @NotBlank @Size(max = 4000) String sharedSummary, Instant deadline) {
    }

    /** Body of the steps that take text: reason (return, reopen, revoke), answer (respond), note (urge, complete). */
    record StepRequest(@Size(max = 4000) String reason, @Size(max = 4000) String answer, @Size(max = 4000) String note,
            @Size(max = 40) String agencyCode) {
    }

    @PostMapping("/api/v1/cases/{caseId}/work-orders")
    ResponseEntity<WorkOrderView> dispatch(@PathVariable long caseId, @Valid @RequestBody DispatchRequest request) {
        WorkOrderView view = desk.dispatch(caseId, new WorkOrderDesk.Dispatch(request.agencyCode(),
                request.requestText(), request.sharedSummary(), request.deadline()), currentUsers.current());
        var location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/v1/work-orders/{id}")
                .buildAndExpand(view.id()).toUri();
        return ResponseEntity.created(location).body(view);
    }

    @GetMapping("/api/v1/cases/{caseId}/work-orders")
    List<WorkOrderView> ofCase(@PathVariable long caseId) {
        return desk.ofCase(caseId, currentUsers.current());
    }

    record WorkOrderPage(List<WorkOrderView> items, long total, int page, int size) {
    }

    @GetMapping("/api/v1/work-orders")
    WorkOrderPage mine(@RequestParam(defaultValue = "false") boolean mine,
            @RequestParam(required = false) WorkOrderStatus status, @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        if (!mine) {
            throw Refusal.invalidField("mine", "请使用 mine=true 查看本机构的工单；个案的工单见 /api/v1/cases/{id}/work-orders");
        }
        var result = desk.mine(currentUsers.current(), status, overdue,
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 100),
                        Sort.by(Sort.Direction.ASC, "dueAt").and(Sort.by(Sort.Direction.DESC, "id"))));
        return new WorkOrderPage(result.getContent(), result.getTotalElements(), result.getNumber(), result.getSize());
    }

    @GetMapping("/api/v1/work-orders/{id}")
    WorkOrderView get(@PathVariable long id) {
        return desk.find(id, currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/sign")
    WorkOrderView sign(@PathVariable long id) {
        return desk.sign(id, currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/return")
    WorkOrderView returnOrder(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return desk.returnOrder(id, request.reason(), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/respond")
    WorkOrderView respond(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return desk.respond(id, request.answer(), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/complete")
    WorkOrderView complete(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request) {
        return desk.complete(id, request == null ? null : request.note(), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/reopen")
    WorkOrderView reopen(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return desk.reopen(id, request.reason(), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/redispatch")
    WorkOrderView redispatch(@PathVariable long id, @Valid @RequestBody(required = false) StepRequest request) {
        return desk.redispatch(id, request == null ? null : request.agencyCode(),
                request == null ? null : request.note(), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/revoke")
    WorkOrderView revoke(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return desk.revoke(id, request.reason(), currentUsers.current());
    }

    @PostMapping("/api/v1/work-orders/{id}/urge")
    WorkOrderView urge(@PathVariable long id, @Valid @RequestBody StepRequest request) {
        return desk.urge(id, request.note(), currentUsers.current());
    }
}

package cn.childprotect.cms.escalations.web;

import cn.childprotect.cms.shared.CappedTotal;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.escalations.EscalationDesk;
import cn.childprotect.cms.escalations.EscalationKind;
import cn.childprotect.cms.escalations.EscalationLevel;
import cn.childprotect.cms.escalations.EscalationView;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/escalations")
class EscalationsController {

    private final EscalationDesk desk;
    private final CurrentUsers currentUsers;

    EscalationsController(EscalationDesk desk, CurrentUsers currentUsers) {
        this.desk = desk;
        this.currentUsers = currentUsers;
    }

    /** {@code total} is exact when {@code totalExact}; otherwise there are more than 1,000 (shown as 1,000): never a count of the whole scope. */
    record EscalationPage(List<EscalationView> items, long total, int page, int size, boolean totalExact) {
    }

    /** Open items in the caller's scope, most severe first, then oldest. */
    @GetMapping
    EscalationPage queue(@RequestParam(required = false) EscalationKind kind,
            @RequestParam(required = false) EscalationLevel level, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        var result = desk.queue(currentUsers.current(), kind, level, Math.max(page, 0), Math.min(Math.max(size, 1), 200));
        return new EscalationPage(result.getContent(), CappedTotal.shown(result.getTotalElements()), result.getNumber(),
                result.getSize(), CappedTotal.isExact(result.getTotalElements()));
    }

    @GetMapping("/summary")
    Map<String, Object> summary() {
        return desk.summary(currentUsers.current());
    }

    @PostMapping("/{id}/acknowledge")
    EscalationView acknowledge(@PathVariable long id) {
        return desk.acknowledge(id, currentUsers.current());
    }

    record ResolveRequest(@Size(max = 1000) String note) {
    }

    @PostMapping("/{id}/resolve")
    EscalationView resolve(@PathVariable long id, @Valid @RequestBody ResolveRequest request) {
        return desk.resolve(id, request.note(), currentUsers.current());
    }
}

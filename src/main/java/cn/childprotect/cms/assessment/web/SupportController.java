package cn.childprotect.cms.assessment.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.assessment.AssessmentDesk;
import cn.childprotect.cms.assessment.SupportPlanDesk;
import cn.childprotect.cms.assessment.VisitDesk;
import cn.childprotect.cms.assessment.PlanService;
import cn.childprotect.cms.assessment.RiskInstrument;
import cn.childprotect.cms.assessment.SupportViews.AssessmentView;
import cn.childprotect.cms.assessment.SupportViews.PlanRevisionView;
import cn.childprotect.cms.assessment.SupportViews.PlanView;
import cn.childprotect.cms.assessment.SupportViews.Visit;
import cn.childprotect.cms.cases.RiskLevel;
import cn.childprotect.cms.users.CurrentUsers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SupportController {

    private final AssessmentDesk assessments;
    private final SupportPlanDesk plans;
    private final VisitDesk visits;
    private final RiskInstrument instrument;
    private final CurrentUsers currentUsers;

    SupportController(AssessmentDesk assessments, SupportPlanDesk plans, VisitDesk visits, RiskInstrument instrument,
            CurrentUsers currentUsers) {
        this.assessments = assessments;
        this.plans = plans;
        this.visits = visits;
        this.instrument = instrument;
        this.currentUsers = currentUsers;
    }

    record InstrumentResponse(RiskInstrument instrument, List<String> serviceTypes) {
    }

    @GetMapping("/api/v1/assessment-instrument")
    InstrumentResponse instrument() {
        return new InstrumentResponse(instrument, plans.serviceTypes().codes());
    }

    record AssessmentRequest(@Size(max = 100) Map<String, String> answers, @Size(max = 4000) String rationale) {
    }

    @PostMapping("/api/v1/cases/{caseId}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    AssessmentView draft(@PathVariable long caseId, @Valid @RequestBody AssessmentRequest request) {
        return assessments.draft(caseId, request.answers(), request.rationale(), currentUsers.current());
    }

    @GetMapping("/api/v1/cases/{caseId}/assessments")
    List<AssessmentView> list(@PathVariable long caseId) {
        return assessments.assessmentsOf(caseId, currentUsers.current());
    }

    @PutMapping("/api/v1/cases/{caseId}/assessments/{id}")
    AssessmentView edit(@PathVariable long caseId, @PathVariable long id, @Valid @RequestBody AssessmentRequest request) {
        return assessments.edit(caseId, id, request.answers(), request.rationale(), currentUsers.current());
    }

    @PostMapping("/api/v1/cases/{caseId}/assessments/{id}/complete")
    AssessmentView complete(@PathVariable long caseId, @PathVariable long id) {
        return assessments.complete(caseId, id, currentUsers.current());
    }

    record ConfirmRequest(RiskLevel level, @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/cases/{caseId}/assessments/{id}/confirm")
    AssessmentView confirm(@PathVariable long caseId, @PathVariable long id, @Valid @RequestBody ConfirmRequest request) {
        return assessments.confirm(caseId, id, request.level(), request.reason(), currentUsers.current());
    }

    record ServiceRequest(@Size(max = 20) String type, @Size(max = 40) String providerAgencyCode,
            @Size(max = 100) String providerName, LocalDate dueDate, PlanService.ServiceStatus status,
            @Size(max = 500) String notDoneReason, Long workOrderId, boolean sendAsWorkOrder,
            @Size(max = 4000) String workOrderRequest) {
    }

    record PlanRequest(@Size(max = 4000) String goals, @NotNull @Size(max = 30) List<@Valid ServiceRequest> services,
            Long version) {
    }

    @GetMapping("/api/v1/cases/{caseId}/support-plan")
    PlanView plan(@PathVariable long caseId) {
        return plans.plan(caseId, currentUsers.current());
    }

    @PutMapping("/api/v1/cases/{caseId}/support-plan")
    PlanView savePlan(@PathVariable long caseId, @Valid @RequestBody PlanRequest request) {
        return plans.savePlan(caseId, request.goals(), request.services().stream()
                .map(s -> new SupportPlanDesk.ServiceInput(s.type(), s.providerAgencyCode(), s.providerName(), s.dueDate(),
                        s.status(), s.notDoneReason(), s.workOrderId(), s.sendAsWorkOrder(), s.workOrderRequest()))
                .toList(), request.version(), currentUsers.current());
    }

    @GetMapping("/api/v1/cases/{caseId}/support-plan/history")
    List<PlanRevisionView> planHistory(@PathVariable long caseId) {
        return plans.planHistory(caseId, currentUsers.current());
    }

    record VisitRequest(LocalDate visitedOn, @Size(max = 20) String type, @Size(max = 500) String personsSeen,
            @Size(max = 4000) String observations, @Size(max = 20) String safety, @Size(max = 2000) String nextSteps,
            boolean declareEmergency) {
    }

    @PostMapping("/api/v1/cases/{caseId}/visits")
    @ResponseStatus(HttpStatus.CREATED)
    Visit recordVisit(@PathVariable long caseId, @Valid @RequestBody VisitRequest request) {
        return visits.recordVisit(caseId, new VisitDesk.VisitInput(request.visitedOn(), request.type(),
                request.personsSeen(), request.observations(), request.safety(), request.nextSteps(),
                request.declareEmergency()), currentUsers.current());
    }

    @GetMapping("/api/v1/cases/{caseId}/visits")
    List<Visit> visits(@PathVariable long caseId) {
        return visits.visitsOf(caseId, currentUsers.current());
    }
}

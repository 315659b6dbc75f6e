package cn.childprotect.cms.assessment;

import cn.childprotect.cms.shared.Labels;

import java.time.LocalDate;

/** A service of the support plan (docs/domain.md §6), kept as part of the plan's JSON document. */
public record PlanService(String type, String providerAgencyCode, String providerName, LocalDate dueDate,
        ServiceStatus status, String notDoneReason, Long workOrderId) {

    public enum ServiceStatus {
        PLANNED, IN_PROGRESS, DONE, NOT_DONE;

        public String label() {
            return Labels.of(this);
        }
    }
}

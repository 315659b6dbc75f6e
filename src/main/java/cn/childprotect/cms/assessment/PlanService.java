package cn.childprotect.cms.assessment;

import java.time.LocalDate;

/** A service of the support plan (docs/domain.md §6), kept as part of the plan's JSON document. */
public record PlanService(String type, String providerAgencyCode, String providerName, LocalDate dueDate,
        ServiceStatus status, String notDoneReason, Long workOrderId) {

    public enum ServiceStatus {
        PLANNED("计划中"), IN_PROGRESS("进行中"), DONE("已完成"), NOT_DONE("未完成");

        private final String label;

        ServiceStatus(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

package cn.childprotect.cms.guardianship.events;

/** A step of a measure's table was taken (codes only: type, step, the status after it). */
public record MeasureStepTaken(long measureId, long stepId, long caseId, String type, String step, String status) {
}

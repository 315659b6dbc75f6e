package cn.childprotect.cms.cases;

/** A workflow event as a person fires it; {@code mergeInto} only for MERGE. */
public record TransitionCommand(CaseEvent event, String note, String reason, Long mergeInto) {
}

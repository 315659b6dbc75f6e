package cn.childprotect.cms.escalations.events;

/** A new escalation or review item was raised (after commit, for the mail to its supervisors). */
public record EscalationRaised(long escalationId) {
}

package cn.childprotect.cms.escalations.events;

import java.util.List;

/**
 * Items the deadline sweep raised together (one chunk, after commit): one outbox entry for the
 * chunk instead of one per item, and one listener that mails them one after the other.
 */
public record EscalationsRaised(List<Long> escalationIds) {
}

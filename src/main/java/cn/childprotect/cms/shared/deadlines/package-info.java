/**
 * The seam between modules that keep deadlines and the escalation sweep: sources report misses,
 * an event says a miss is settled. See docs/domain.md, "Deadlines and escalation".
 */
package cn.childprotect.cms.shared.deadlines;

/**
 * The seam between the modules that own facts and the statistics module (docs/domain.md,
 * "Statistics"): a module implements {@link StatsFactSource} as a bean and so adds its measures
 * without {@code stats} knowing it, as {@code shared.deadlines} does for the escalation sweep.
 */
package cn.childprotect.cms.shared.stats;

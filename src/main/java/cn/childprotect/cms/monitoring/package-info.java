/**
 * 监测预防: the at-risk children register (docs/domain.md, "The at-risk register"). One entry per
 * child, entered by the village, reviewed by the township, confirmed by the county; exits go
 * through the same chain. Confirmed entries are visited on a schedule set by their risk tier; the
 * next due date is stored, so the director's list and the escalation sweep (a
 * {@link cn.childprotect.cms.shared.deadlines.DeadlineSource}) read an index range on it.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "people", "intake" })
package cn.childprotect.cms.monitoring;

import org.springframework.modulith.ApplicationModule;

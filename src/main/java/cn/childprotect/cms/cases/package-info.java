/**
 * The case file and its workflow, 接报 → 评估 → 处置 → 帮扶 (docs/domain.md §4): states, events,
 * guards contributed by other modules, deadlines from the SLA policy, the immutable timeline,
 * and scoped case queries.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "people" })
package cn.childprotect.cms.cases;

import org.springframework.modulith.ApplicationModule;

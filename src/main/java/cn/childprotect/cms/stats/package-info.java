/**
 * 统计监测 (docs/domain.md, "Statistics"; DOMAIN.md §7): measures for any period and scope from a
 * rollup of daily facts, indicators with targets and warnings, redacted exports and the annual
 * monitoring report. It reads other modules only through {@code shared.stats.StatsFactSource}
 * beans and their facades (case numbers for exports), never their tables; nothing depends on it.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "cases" })
package cn.childprotect.cms.stats;

import org.springframework.modulith.ApplicationModule;

/**
 * The case file (个案档案) as one typed page, composed from the domain modules' facades: the case
 * and what may be done with it now, the child and guardians, reports, assessments, plan, visits,
 * work orders, the open escalations, the child's history and the evidence files (docs/domain.md §4, the case file). A read module: it sits
 * above the domain modules and below {@code ui}; it calls facades downward and no domain module
 * calls it. The read is audited once, as CASE_READ, by {@code CaseQueries.detail}.
 */
@ApplicationModule(allowedDependencies = { "shared", "users", "cases", "people", "intake", "assessment",
        "referrals", "escalations", "guardianship", "monitoring", "evidence" })
package cn.childprotect.cms.casefile;

import org.springframework.modulith.ApplicationModule;

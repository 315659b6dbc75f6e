/**
 * 评估帮扶: the configured risk-assessment instrument, assessments with supervisor confirmation
 * of HIGH and CRITICAL levels, the support plan (帮扶计划) with its history, and follow-up visits
 * whose due dates follow the risk level. Provides the workflow's guards on COMPLETE_ASSESSMENT
 * and START_SUPPORT.
 */
@ApplicationModule(allowedDependencies = { "shared", "users", "agencies", "cases", "cases::events", "referrals",
        "people" })
package cn.childprotect.cms.assessment;

import org.springframework.modulith.ApplicationModule;

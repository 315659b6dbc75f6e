/**
 * No missed deadline goes unnoticed: a sweep (one instance at a time, ShedLock) raises an
 * escalation for every missed deadline — to the township's supervisors, then to the county's
 * after a grace period — exactly once (a unique key per miss and level); events raise review
 * items (emergency, returned order, high risk, closure request); items resolve themselves when
 * their cause is gone.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "cases", "cases::events", "intake",
        "intake::events", "referrals", "referrals::events", "assessment" })
package cn.childprotect.cms.escalations;

import org.springframework.modulith.ApplicationModule;

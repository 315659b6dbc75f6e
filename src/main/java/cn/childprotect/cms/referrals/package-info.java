/**
 * Work orders to partner agencies ("一门受理，协同办理", docs/domain.md §5): dispatch, sign, return,
 * respond, complete, reopen, revoke and 督办, with sign-by and respond-by deadlines from the SLA
 * policy. Agency staff see a case only through their orders.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "agencies", "cases", "cases::events" })
package cn.childprotect.cms.referrals;

import org.springframework.modulith.ApplicationModule;

/**
 * Guardianship intervention (监护干预, docs/domain.md "Guardianship intervention", DOMAIN.md §6.1):
 * legal measures on a case (告诫书, 人身安全保护令, 临时监护, 撤销监护人资格 ...), each with its own
 * step table, the stored deadline of its next step (swept as an escalation), the closure guard
 * of the case workflow and the documents county staff file.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "agencies",
        "referrals", "cases", "cases::events", "people", "intake" })
package cn.childprotect.cms.guardianship;

import org.springframework.modulith.ApplicationModule;

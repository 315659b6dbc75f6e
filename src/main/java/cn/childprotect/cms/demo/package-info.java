/**
 * Demo users and demo cases for the embedded default (never under the mysql profile): the
 * people of docs/domain.md §2 in the seeded demo county and a few dozen cases in every state, filed
 * and moved through the facades, so the system can be tried at once.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "agencies", "users", "people", "cases",
        "intake", "assessment", "referrals" })
package cn.childprotect.cms.demo;

import org.springframework.modulith.ApplicationModule;

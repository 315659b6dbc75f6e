/**
 * Demo users for the embedded default (never under the mysql profile): the people of
 * DOMAIN.md §2 in the seeded demo county, so the system can be tried at once.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "agencies", "users" })
package cn.childprotect.cms.demo;

import org.springframework.modulith.ApplicationModule;

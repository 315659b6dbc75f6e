/**
 * The front door of "一门受理": reports from the hotline and from mandated reporters. Every
 * accepted report gets a receipt at once and opens a case or is linked to the child's open
 * case, in one transaction; an Idempotency-Key makes retries safe.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "people", "cases",
        "cases::events" })
package cn.childprotect.cms.intake;

import org.springframework.modulith.ApplicationModule;

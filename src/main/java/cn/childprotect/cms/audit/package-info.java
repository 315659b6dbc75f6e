/**
 * The append-only audit log: who did or read what, when, from where, with what outcome.
 * Listens to {@link cn.childprotect.cms.shared.AuditEvent}s inside the publisher's transaction;
 * nothing depends on this module.
 */
@ApplicationModule(allowedDependencies = { "shared" })
package cn.childprotect.cms.audit;

import org.springframework.modulith.ApplicationModule;

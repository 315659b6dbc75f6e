/**
 * Mail to people, sent from the event publication registry (the transactional outbox): a
 * listener runs after the sender's transaction commits, a failed send stays incomplete and is
 * resubmitted with backoff, and a mail log makes a resubmission skip mails already sent.
 * Nothing depends on this module; it listens to other modules' events. No child name or ID
 * number ever goes into a mail.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "agencies", "cases", "intake::events", "referrals", "referrals::events", "escalations", "escalations::events" })
package cn.childprotect.cms.notifications;

import org.springframework.modulith.ApplicationModule;

/**
 * Evidence attachments of reports and cases (docs/domain.md §3.4): photos, PDF, audio, short video,
 * typed from their content, encrypted at rest, read by need-to-know and audited; agencies see what
 * a work order shares with them.
 */
@ApplicationModule(allowedDependencies = { "shared", "users", "people", "intake", "cases", "referrals" })
package cn.childprotect.cms.evidence;

import org.springframework.modulith.ApplicationModule;

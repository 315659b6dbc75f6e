/**
 * Children and their guardians. Resident ID numbers and phone numbers are encrypted at rest
 * (AES-GCM) with a keyed hash (HMAC-SHA256) beside them for exact look-up; ID numbers are
 * checked by the GB 11643 check digit.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions" })
package cn.childprotect.cms.people;

import org.springframework.modulith.ApplicationModule;

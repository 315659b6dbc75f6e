/**
 * Accounts, roles and authentication: who is calling, what role they hold, which division
 * they are bound to. Also the HTTP security set-up (form login for the browser, HTTP Basic
 * for the API) and the account lock-out after repeated failed logins.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "agencies" })
package cn.childprotect.cms.users;

import org.springframework.modulith.ApplicationModule;

/**
 * Foundation pieces every module may use: the problem-detail error model, the audit event,
 * the business clock and time zone. Depends on nothing else of ours.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
package cn.childprotect.cms.shared;

import org.springframework.modulith.ApplicationModule;

/**
 * The browser UI (server-rendered Thymeleaf pages in Chinese): each role lands on its own home
 * page. Pages call the modules' facades, never their repositories; the facades' scoping and
 * masking apply to every page. Nothing depends on this module.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions", "users", "agencies", "cases", "intake",
        "people", "referrals", "assessment", "escalations", "casefile", "guardianship", "monitoring", "evidence" })
package cn.childprotect.cms.ui;

import org.springframework.modulith.ApplicationModule;

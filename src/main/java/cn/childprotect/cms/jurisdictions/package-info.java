/**
 * The division-code tree (county / township / village, 12-digit statistical codes) and the
 * prefix scope every case query is restricted by.
 */
@ApplicationModule(allowedDependencies = "shared")
package cn.childprotect.cms.jurisdictions;

import org.springframework.modulith.ApplicationModule;

/**
 * The directory of partner agencies (公安, 民政, 教育 ...) that receive work orders, docs/domain.md §5.
 */
@ApplicationModule(allowedDependencies = { "shared", "jurisdictions" })
package cn.childprotect.cms.agencies;

import org.springframework.modulith.ApplicationModule;

/** Events the cases module publishes: past-tense records carrying ids only. */
@NamedInterface("events")
package cn.childprotect.cms.cases.events;

import org.springframework.modulith.NamedInterface;

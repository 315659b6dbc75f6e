/** Events the intake module publishes: past-tense records carrying ids only. */
@NamedInterface("events")
package cn.childprotect.cms.intake.events;

import org.springframework.modulith.NamedInterface;

/** Events the guardianship module publishes: past-tense records carrying ids and codes only. */
@NamedInterface("events")
package cn.childprotect.cms.guardianship.events;

import org.springframework.modulith.NamedInterface;

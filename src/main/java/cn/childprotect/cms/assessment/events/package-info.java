/** Events of the assessment and support module: past-tense records carrying ids and non-personal facts. */
@NamedInterface("events")
package cn.childprotect.cms.assessment.events;

import org.springframework.modulith.NamedInterface;

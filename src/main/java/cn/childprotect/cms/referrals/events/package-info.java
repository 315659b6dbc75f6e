/** Events of the work-order lifecycle: past-tense records carrying ids only. */
@NamedInterface("events")
package cn.childprotect.cms.referrals.events;

import org.springframework.modulith.NamedInterface;

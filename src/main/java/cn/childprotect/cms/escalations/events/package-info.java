/** Events of the escalations module: ids only. */
@NamedInterface("events")
package cn.childprotect.cms.escalations.events;

import org.springframework.modulith.NamedInterface;

/** Events of the 12345 exchange. */
@NamedInterface("events")
package cn.childprotect.cms.exchange.events;

import org.springframework.modulith.NamedInterface;

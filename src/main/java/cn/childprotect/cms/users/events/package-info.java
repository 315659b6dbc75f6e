/** Events the users module publishes: past-tense records carrying usernames and short codes only. */
@NamedInterface("events")
package cn.childprotect.cms.users.events;

import org.springframework.modulith.NamedInterface;

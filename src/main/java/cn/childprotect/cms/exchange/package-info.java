/**
 * The 12345 exchange (coop, issue 16; docs/exchange-12345.md): the 12345 platform forwards
 * tickets, which are filed as reports with channel REFERRAL_12345 (once per ticket number), and
 * gets status feedback (受理, 办结) pushed back from the outbox, signed with HMAC-SHA256 and
 * de-duplicable by event id. The platform authenticates with a machine account of role
 * EXCHANGE_12345, whose only permission is the ticket endpoint.
 */
@ApplicationModule(allowedDependencies = { "shared", "users", "people", "intake", "cases", "cases::events",
        "exchange::events" })
package cn.childprotect.cms.exchange;

import org.springframework.modulith.ApplicationModule;

package cn.childprotect.cms.exchange.web;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.exchange.Exchange12345;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.users.CurrentUsers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The 12345 platform's endpoint (docs/exchange-12345.md). 201 for a new ticket, 200 with the first receipt for a repeat. */
@Tag(name = "12345 exchange", description = "The contract with a 12345 government hotline platform: docs/exchange-12345.md")
@RestController
class Exchange12345Controller {

    private final Exchange12345 exchange;
    private final CurrentUsers currentUsers;

    Exchange12345Controller(Exchange12345 exchange, CurrentUsers currentUsers) {
        this.exchange = exchange;
        this.currentUsers = currentUsers;
    }

    record CallerBody(@Size(max = 50) String name, @Size(max = 20) String phone) {
    }

    record ChildBody(@Size(max = 50) String name, Sex sex, Integer estimatedAge, @Size(max = 500) String description) {
    }

    record TicketBody(@NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") String ticketNumber,
            Instant receivedAt, @Valid CallerBody caller, @NotBlank @Size(max = 8000) String content,
            @NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 10) String> classification,
            @NotBlank @Size(max = 12) String villageCode, @Pattern(regexp = "URGENT|NORMAL") String urgency,
            @Valid ChildBody child) {
    }

    @Operation(summary = "A ticket forwarded by the 12345 platform",
            description = """
                    Files the ticket as a report with channel REFERRAL_12345. Idempotent on ticketNumber: a
                    re-sent ticket answers 200 with the first receipt (replayed=true); a new one 201.
                    Authentication: the platform's machine account (role EXCHANGE_12345) with its API key in
                    X-API-Key; that account may call this endpoint only (403 elsewhere). classification holds
                    category codes of GET /api/v1/taxonomy/report-categories; villageCode a 12-digit village
                    code; urgency URGENT or NORMAL; caller is confidential (stored encrypted, never pushed back).
                    Status feedback (ACCEPTED when filed, COMPLETED when the case is closed) is POSTed to the
                    platform's feedback URL as JSON {eventId, ticketNumber, status, receiptNumber, replyText,
                    occurredAt} with X-12345-Event-Id and X-12345-Signature: sha256=<hex HMAC-SHA256 of the body
                    with the shared secret>; retried with backoff until the platform answers 2xx; the platform
                    de-duplicates by eventId.""")
    @PostMapping("/api/v1/exchange/12345/tickets")
    ResponseEntity<Exchange12345.TicketReceipt> receive(@Valid @RequestBody TicketBody body) {
        Exchange12345.TicketReceipt receipt = exchange.receive(new Exchange12345.TicketSubmission(body.ticketNumber(),
                body.receivedAt(), body.caller() == null ? null
                        : new Exchange12345.Caller(body.caller().name(), body.caller().phone()),
                body.content(), body.classification(), body.villageCode(), body.urgency(), body.child() == null ? null
                        : new Exchange12345.TicketChild(body.child().name(), body.child().sex(),
                                body.child().estimatedAge(), body.child().description())),
                currentUsers.current());
        return ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED).body(receipt);
    }
}

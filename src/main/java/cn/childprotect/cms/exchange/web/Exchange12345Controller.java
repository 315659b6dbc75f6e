package cn.childprotect.cms.exchange.web;

import java.time.Instant;
import java.util.List;

import cn.childprotect.cms.exchange.Exchange12345;
import cn.childprotect.cms.people.Sex;
import cn.childprotect.cms.users.CurrentUsers;

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

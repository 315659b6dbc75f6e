package cn.childprotect.cms.exchange;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/** A 12345 ticket and the report it was filed as. */
@Entity
@Table(name = "exchange_ticket")
class Ticket implements Persistable<String> {

    @Id
    @Column(name = "ticket_number")
    private String ticketNumber;

    @Column(name = "report_id")
    private long reportId;

    @Column(name = "receipt_number")
    private String receiptNumber;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "received_at")
    private Instant receivedAt;

    @Column(name = "filed_at")
    private Instant filedAt;

    /** Always inserted, never merged: a second row for one ticket number fails on the primary key. */
    @Transient
    private boolean fresh;

    protected Ticket() {
    }

    @Override
    public String getId() {
        return ticketNumber;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }

    Ticket(String ticketNumber, long reportId, String receiptNumber, Long caseId, Instant receivedAt, Instant filedAt) {
        this.ticketNumber = ticketNumber;
        this.reportId = reportId;
        this.receiptNumber = receiptNumber;
        this.caseId = caseId;
        this.receivedAt = receivedAt;
        this.filedAt = filedAt;
        this.fresh = true;
    }

    String ticketNumber() { return ticketNumber; }
    long reportId() { return reportId; }
    String receiptNumber() { return receiptNumber; }
    Long caseId() { return caseId; }
    Instant filedAt() { return filedAt; }
}

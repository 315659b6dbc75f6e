package cn.childprotect.cms.referrals;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/** A callback (回访) to the reporter or the family after an order was completed. */
@Entity
@Immutable
@Table(name = "referrals_callback")
class Callback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "work_order_id")
    private long workOrderId;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    private boolean reached;

    @Enumerated(EnumType.STRING)
    private Satisfaction satisfaction;

    @Column(name = "comment_text")
    private String comment;

    protected Callback() {
    }

    Callback(long workOrderId, String recordedBy, Instant recordedAt, boolean reached, Satisfaction satisfaction,
            String comment) {
        this.workOrderId = workOrderId;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.reached = reached;
        this.satisfaction = satisfaction;
        this.comment = comment;
    }

    Long id() { return id; }
    long workOrderId() { return workOrderId; }
    String recordedBy() { return recordedBy; }
    Instant recordedAt() { return recordedAt; }
    boolean reached() { return reached; }
    Satisfaction satisfaction() { return satisfaction; }
    String comment() { return comment; }
}

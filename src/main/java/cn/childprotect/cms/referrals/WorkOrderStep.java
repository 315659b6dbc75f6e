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

/** One immutable line of a work order's own history. */
@Entity
@Immutable
@Table(name = "referrals_work_order_step")
class WorkOrderStep {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "work_order_id")
    private long workOrderId;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    private String actor;

    @Enumerated(EnumType.STRING)
    private WorkOrderAction action;

    private String note;

    protected WorkOrderStep() {
    }

    WorkOrderStep(long workOrderId, Instant occurredAt, String actor, WorkOrderAction action, String note) {
        this.workOrderId = workOrderId;
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.note = note;
    }

    WorkOrderView.Step toView(String actionLabel) {
        return new WorkOrderView.Step(occurredAt, actor, action, actionLabel, note);
    }

    long workOrderId() {
        return workOrderId;
    }

    long id() {
        return id;
    }

    String actor() {
        return actor;
    }

    String note() {
        return note;
    }

    java.time.Instant occurredAt() {
        return occurredAt;
    }

    WorkOrderAction action() {
        return action;
    }
}

package cn.childprotect.cms.guardianship;

import cn.childprotect.cms.shared.Labels;

/** The statuses of all measure types (each type uses some, see {@link MeasureSteps}); an ended status no longer blocks closure. */
public enum MeasureStatus {
    RECORDED(true),
    ACTIVE(false),
    ISSUED(false),
    SERVED(false),
    STARTED(false),
    ENDED(true),
    CONVERTED(true),
    FILED(false),
    GRANTED(false),
    REFUSED(false),
    RECONSIDERING(false),
    EXPIRED(true),
    REVOKED(true),
    PREPARED(false),
    HEARD(false),
    JUDGED(true),
    OBSERVING(false),
    RESTORED(true),
    WITHDRAWN(true),
    CLOSED(true);

    private final boolean ended;

    MeasureStatus(boolean ended) {
        this.ended = ended;
    }

    public boolean ended() {
        return ended;
    }

    public String label() {
        return Labels.of(this);
    }
}

package cn.childprotect.cms.escalations;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.childprotect.cms.assessment.CaseSupport;
import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseQueries;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.cases.CaseStatus;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.sla.SlaDuration;
import cn.childprotect.cms.shared.sla.SlaPolicy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds every missed deadline and escalates it: to the township at once, to the county when the
 * township item is still open after the grace period. Each source is read by an index range scan
 * on its stored deadline, so the cost follows the number of overdue items, not of cases. One
 * instance sweeps at a time (ShedLock); the unique key on items makes a race harmless anyway.
 */
@Component
public class DeadlineSweep {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweep.class);

    private final CaseQueries cases;
    private final CaseFiles caseFiles;
    private final IntakeQueries intake;
    private final WorkOrderDesk workOrders;
    private final CaseSupport support;
    private final EscalationDesk desk;
    private final SlaPolicy sla;
    private final TransactionTemplate tx;
    private final BusinessTime time;
    private final List<DeadlineSource> sources;
    private final int batch;

    DeadlineSweep(CaseQueries cases, CaseFiles caseFiles, IntakeQueries intake, WorkOrderDesk workOrders,
            CaseSupport support, EscalationDesk desk, SlaPolicy sla, TransactionTemplate tx, BusinessTime time,
            List<DeadlineSource> sources, @Value("${cms.escalations.batch:10000}") int batch) {
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.intake = intake;
        this.workOrders = workOrders;
        this.support = support;
        this.desk = desk;
        this.sla = sla;
        this.tx = tx;
        this.time = time;
        this.sources = List.copyOf(sources);
        this.batch = batch;
    }

    public record SweepResult(int overdue, int raisedTownship, int raisedCounty, long millis) {
    }

    @Scheduled(fixedDelayString = "${cms.escalations.sweep-interval:1m}",
            initialDelayString = "${cms.escalations.sweep-initial-delay:30s}")
    @SchedulerLock(name = "deadline-sweep", lockAtMostFor = "10m")
    public void scheduledSweep() {
        SweepResult result = sweep();
        if (result.raisedTownship() + result.raisedCounty() > 0) {
            log.info("Deadline sweep: {} overdue, {} township and {} county escalations raised in {} ms",
                    result.overdue(), result.raisedTownship(), result.raisedCounty(), result.millis());
        }
    }

    /** Items raised in one transaction: one JDBC batch of items and one of timeline entries each. */
    static final int CHUNK = 500;

    /**
     * One pass over every source of deadlines. Safe to call concurrently and repeatedly. What was
     * raised already is read for all misses at once; new items are raised in chunks (one
     * transaction, a few round trips each), the county level after the township's grace period.
     */
    public SweepResult sweep() {
        long started = System.nanoTime();
        Instant now = time.now();
        Duration grace = SlaDuration.parse(sla.escalationGrace()).calendar();
        List<Miss> misses = findMisses(now);
        Map<ItemKey, EscalationDesk.ItemState> raised = misses.isEmpty() ? Map.of()
                : new HashMap<>(tx.execute(s -> desk.existingItems(misses)));
        List<Miss> township = misses.stream().filter(m -> !raised.containsKey(ItemKey.of(m, EscalationLevel.TOWNSHIP)))
                .toList();
        int townshipRaised = raiseAll(township, EscalationLevel.TOWNSHIP);
        // township items raised just now are open since now; the grace period may be zero
        Instant checked = time.now();
        township.forEach(m -> raised.putIfAbsent(ItemKey.of(m, EscalationLevel.TOWNSHIP),
                new EscalationDesk.ItemState(0, true, checked)));
        List<Miss> county = misses.stream().filter(m -> !raised.containsKey(ItemKey.of(m, EscalationLevel.COUNTY)))
                .filter(m -> {
                    EscalationDesk.ItemState item = raised.get(ItemKey.of(m, EscalationLevel.TOWNSHIP));
                    return item != null && item.open() && !item.raisedAt().plus(grace).isAfter(checked);
                }).toList();
        int countyRaised = raiseAll(county, EscalationLevel.COUNTY);
        return new SweepResult(misses.size(), townshipRaised, countyRaised, (System.nanoTime() - started) / 1_000_000);
    }

    /** In chunks; a chunk that meets an item another instance raised meanwhile is raised one by one. */
    private int raiseAll(List<Miss> misses, EscalationLevel level) {
        int count = 0;
        for (int from = 0; from < misses.size(); from += CHUNK) {
            List<Miss> chunk = misses.subList(from, Math.min(misses.size(), from + CHUNK));
            try {
                tx.execute(s -> desk.raiseAll(chunk, level));
                count += chunk.size();
            }
            catch (DataIntegrityViolationException raisedByAnotherInstance) {
                for (Miss miss : chunk) {
                    count += raise(miss, level) ? 1 : 0;
                }
            }
        }
        return count;
    }

    private boolean raise(Miss miss, EscalationLevel level) {
        try {
            return Boolean.TRUE.equals(tx.execute(s -> desk.raise(miss.kind(), miss.sourceId(), miss.deadline(), level,
                    miss.caseId(), miss.villageCode())));
        }
        catch (DataIntegrityViolationException raisedByAnotherInstance) {
            return false;
        }
    }

    List<Miss> findMisses(Instant now) {
        List<Miss> misses = new ArrayList<>();
        cases.overdue(now, batch).forEach(c -> misses.add(
                new Miss(EscalationKind.CASE_DEADLINE, c.caseId(), c.deadline(), c.caseId(), c.villageCode())));
        // a closed or screened-out case raises no "未按时报警" (intake also clears such deadlines); a
        // merged case's reports still await the police
        intake.overduePoliceNotifications(now, batch).stream()
                .filter(r -> r.caseId() == null || caseFiles.find(r.caseId()).map(CaseRef::status)
                        .filter(s -> s == CaseStatus.CLOSED || s == CaseStatus.SCREENED_OUT).isEmpty())
                .forEach(r -> misses.add(new Miss(EscalationKind.POLICE_NOTIFICATION, r.reportId(), r.deadline(),
                        r.caseId(), r.villageCode())));
        workOrders.overdueForSigning(now, batch).forEach(w -> misses.add(
                new Miss(EscalationKind.WORK_ORDER_SIGN, w.workOrderId(), w.dueAt(), w.caseId(), w.villageCode())));
        workOrders.overdueForResponse(now, batch).forEach(w -> misses.add(
                new Miss(EscalationKind.WORK_ORDER_RESPONSE, w.workOrderId(), w.dueAt(), w.caseId(), w.villageCode())));
        support.overdueReassessments(now, batch).forEach(r -> caseFiles.find(r.caseId())
                .filter(c -> c.status().isOpen()).map(CaseRef::villageCode).ifPresent(village -> misses.add(
                        new Miss(EscalationKind.REASSESSMENT, r.caseId(), r.due(), r.caseId(), village))));
        // the deadlines of modules escalations does not know (register visits, measures, ...)
        for (DeadlineSource source : sources) {
            source.overdue(now, batch).forEach(m -> misses.add(new Miss(EscalationKind.valueOf(m.kind()), m.sourceId(),
                    m.deadline(), m.caseId(), m.villageCode())));
        }
        return misses;
    }
}

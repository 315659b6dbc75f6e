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
import cn.childprotect.cms.shared.deadlines.DeadlineKey;
import cn.childprotect.cms.shared.deadlines.DeadlineSource;
import cn.childprotect.cms.shared.deadlines.MissedDeadline;
import cn.childprotect.cms.shared.sla.SlaPolicy;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.ClassUtils;

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
    private final List<Reader> readers;
    private final SweepCursors cursors;
    private final int batch;

    @Autowired
    DeadlineSweep(CaseQueries cases, CaseFiles caseFiles, IntakeQueries intake, WorkOrderDesk workOrders,
            CaseSupport support, EscalationDesk desk, SlaPolicy sla, TransactionTemplate tx, BusinessTime time,
            List<DeadlineSource> sources, SweepCursors cursors, SweepProperties properties) {
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.intake = intake;
        this.workOrders = workOrders;
        this.support = support;
        this.desk = desk;
        this.sla = sla;
        this.tx = tx;
        this.time = time;
        this.cursors = cursors;
        this.batch = properties.batch();
        this.readers = readers(sources);
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
     * One pass over every source of deadlines. Safe to call concurrently and repeatedly. Each
     * source is read after where the sweep stands in it ({@link SweepCursors}): from the last miss
     * up to which everything is escalated at both levels, or, while a backlog larger than the cap
     * is worked through, after where the last read stopped. What was raised already is read for
     * all misses at once; new items are raised in chunks (one transaction, a few round trips
     * each), the county level after the township's grace period.
     */
    public SweepResult sweep() {
        long started = System.nanoTime();
        Instant now = time.now();
        Duration grace = sla.escalationGrace().calendar();
        Map<String, SweepCursors.Cursor> standing = cursors.load();
        List<Read> reads = new ArrayList<>();
        List<Miss> misses = new ArrayList<>();
        for (Reader reader : readers) {
            SweepCursors.Cursor cursor = cursors.current(standing.get(reader.name()), now);
            Read read = reader.read(now, cursor.readFrom(), batch, cursor);
            reads.add(read);
            misses.addAll(read.misses());
        }
        Map<ItemKey, EscalationDesk.ItemState> raised = misses.isEmpty() ? new HashMap<>()
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
        // raised now, by this sweep or (the unique key refused ours) by another instance
        county.forEach(m -> raised.putIfAbsent(ItemKey.of(m, EscalationLevel.COUNTY),
                new EscalationDesk.ItemState(0, true, checked)));
        for (Read read : reads) {
            cursors.save(read.name(), read.cursor().after(read, m -> finished(m, raised)),
                    standing.get(read.name()));
        }
        return new SweepResult(misses.size(), townshipRaised, countyRaised, (System.nanoTime() - started) / 1_000_000);
    }

    /** The same sweep over other readers with another cap (tests of a backlog larger than the cap). */
    DeadlineSweep withReaders(List<Reader> readers, int batch) {
        return new DeadlineSweep(this, readers, batch);
    }

    private DeadlineSweep(DeadlineSweep template, List<Reader> readers, int batch) {
        this.cases = template.cases;
        this.caseFiles = template.caseFiles;
        this.intake = template.intake;
        this.workOrders = template.workOrders;
        this.support = template.support;
        this.desk = template.desk;
        this.sla = template.sla;
        this.tx = template.tx;
        this.time = template.time;
        this.cursors = template.cursors;
        this.readers = List.copyOf(readers);
        this.batch = batch;
    }

    /** The next sweep reads every source from its oldest miss (after a deadline was stored already past by hand). */
    void startFullPass() {
        cursors.clear();
    }

    /** A miss needs no more sweeping once escalated to the county, or once its township item was resolved. */
    private static boolean finished(Miss miss, Map<ItemKey, EscalationDesk.ItemState> raised) {
        if (raised.containsKey(ItemKey.of(miss, EscalationLevel.COUNTY))) {
            return true;
        }
        EscalationDesk.ItemState township = raised.get(ItemKey.of(miss, EscalationLevel.TOWNSHIP));
        return township != null && !township.open();
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

    /** One read of a source: the misses it yields, the keys of every row it read, and whether it read a full cap. */
    record Read(String name, SweepCursors.Cursor cursor, List<Miss> misses, List<DeadlineKey> keys, boolean full) {
    }

    /** A source of misses as the sweep reads it, after a key. */
    interface Reader {
        String name();

        Read read(Instant now, DeadlineKey after, int limit, SweepCursors.Cursor cursor);
    }

    private static Reader reader(String name, ReadRows rows) {
        return new Reader() {
            public String name() {
                return name;
            }

            public Read read(Instant now, DeadlineKey after, int limit, SweepCursors.Cursor cursor) {
                List<Miss> misses = new ArrayList<>();
                List<DeadlineKey> keys = rows.read(now, after, limit, misses);
                return new Read(name, cursor, misses, keys, keys.size() >= limit);
            }
        };
    }

    /** Reads at most {@code limit} rows after a key, adds the misses among them, returns the keys of all rows read. */
    @FunctionalInterface
    interface ReadRows {
        List<DeadlineKey> read(Instant now, DeadlineKey after, int limit, List<Miss> misses);
    }

    /** The deadlines of the modules escalations knows, then every {@link DeadlineSource} bean. */
    private List<Reader> readers(List<DeadlineSource> sources) {
        List<Reader> all = new ArrayList<>();
        all.add(reader(EscalationKind.CASE_DEADLINE.name(), (now, after, limit, misses) -> {
            List<DeadlineKey> keys = new ArrayList<>();
            cases.overdue(now, after, limit).forEach(c -> {
                keys.add(new DeadlineKey(c.deadline(), c.caseId()));
                misses.add(new Miss(EscalationKind.CASE_DEADLINE, c.caseId(), c.deadline(), c.caseId(), c.villageCode()));
            });
            return keys;
        }));
        // a closed or screened-out case raises no "未按时报警" (intake also clears such deadlines); a
        // merged case's reports still await the police
        all.add(reader(EscalationKind.POLICE_NOTIFICATION.name(), (now, after, limit, misses) -> {
            List<DeadlineKey> keys = new ArrayList<>();
            intake.overduePoliceNotifications(now, after, limit).forEach(r -> {
                keys.add(new DeadlineKey(r.deadline(), r.reportId()));
                if (r.caseId() == null || caseFiles.find(r.caseId()).map(CaseRef::status)
                        .filter(s -> s == CaseStatus.CLOSED || s == CaseStatus.SCREENED_OUT).isEmpty()) {
                    misses.add(new Miss(EscalationKind.POLICE_NOTIFICATION, r.reportId(), r.deadline(), r.caseId(),
                            r.villageCode()));
                }
            });
            return keys;
        }));
        all.add(reader(EscalationKind.WORK_ORDER_SIGN.name(), (now, after, limit, misses) -> {
            List<DeadlineKey> keys = new ArrayList<>();
            workOrders.overdueForSigning(now, after, limit).forEach(w -> {
                keys.add(new DeadlineKey(w.dueAt(), w.workOrderId()));
                misses.add(new Miss(EscalationKind.WORK_ORDER_SIGN, w.workOrderId(), w.dueAt(), w.caseId(),
                        w.villageCode()));
            });
            return keys;
        }));
        all.add(reader(EscalationKind.WORK_ORDER_RESPONSE.name(), (now, after, limit, misses) -> {
            List<DeadlineKey> keys = new ArrayList<>();
            workOrders.overdueForResponse(now, after, limit).forEach(w -> {
                keys.add(new DeadlineKey(w.dueAt(), w.workOrderId()));
                misses.add(new Miss(EscalationKind.WORK_ORDER_RESPONSE, w.workOrderId(), w.dueAt(), w.caseId(),
                        w.villageCode()));
            });
            return keys;
        }));
        all.add(reader(EscalationKind.REASSESSMENT.name(), (now, after, limit, misses) -> {
            List<DeadlineKey> keys = new ArrayList<>();
            support.overdueReassessments(now, after, limit).forEach(r -> {
                keys.add(new DeadlineKey(r.due(), r.caseId()));
                caseFiles.find(r.caseId()).filter(c -> c.status().isOpen()).map(CaseRef::villageCode)
                        .ifPresent(village -> misses.add(
                                new Miss(EscalationKind.REASSESSMENT, r.caseId(), r.due(), r.caseId(), village)));
            });
            return keys;
        }));
        // the deadlines of modules escalations does not know (register visits, measures, ...)
        for (DeadlineSource source : sources) {
            all.add(sourceReader(source));
        }
        return List.copyOf(all);
    }

    /** A {@link DeadlineSource} bean, known to the cursors by its class name. */
    static Reader sourceReader(DeadlineSource source) {
        return reader(ClassUtils.getUserClass(source).getName(), (now, after, limit, misses) -> {
            List<DeadlineKey> keys = new ArrayList<>();
            for (MissedDeadline m : source.overdueAfter(now, after, limit)) {
                keys.add(m.key());
                misses.add(new Miss(EscalationKind.valueOf(m.kind()), m.sourceId(), m.deadline(), m.caseId(),
                        m.villageCode()));
            }
            return keys;
        });
    }
}

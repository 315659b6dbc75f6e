package cn.childprotect.cms.evidence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import cn.childprotect.cms.cases.CaseFiles;
import cn.childprotect.cms.cases.CaseRef;
import cn.childprotect.cms.intake.IntakeQueries;
import cn.childprotect.cms.people.ContactCipher;
import cn.childprotect.cms.people.FileCipher;
import cn.childprotect.cms.referrals.WorkOrderDesk;
import cn.childprotect.cms.referrals.WorkOrderView;
import cn.childprotect.cms.shared.AuditEvent;
import cn.childprotect.cms.shared.BusinessTime;
import cn.childprotect.cms.shared.Refusal;
import cn.childprotect.cms.users.CurrentUser;
import cn.childprotect.cms.users.Role;

import org.apache.tika.Tika;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evidence attachments (docs/domain.md §3.4). A report takes files from whoever filed it (a
 * REPORTER account too) and from those who may read it as case workers; a case from those who work
 * it. The type is detected from the bytes (Apache Tika), never from the name, and must be on the
 * configured list; size and count are limited by configuration. Bytes and file name are encrypted
 * with the people module's key management; the same file sent again to the same report or case is the
 * same attachment (a retry stores nothing twice). Reads are audited; an agency reads an attachment
 * only when someone who works the case has shared it with one of the agency's work orders.
 */
@Service
@Transactional
public class Evidence {

    private final Attachments attachments;
    private final BlobStore store;
    private final FileCipher files;
    private final ContactCipher names;
    private final EvidenceProperties properties;
    private final IntakeQueries intake;
    private final CaseFiles caseFiles;
    private final WorkOrderDesk workOrders;
    private final JdbcTemplate jdbc;
    private final BusinessTime time;
    private final ApplicationEventPublisher events;
    private final Tika tika = new Tika();
    private final TransactionTemplate tx;

    Evidence(Attachments attachments, BlobStore store, FileCipher files, ContactCipher names,
            EvidenceProperties properties, IntakeQueries intake, CaseFiles caseFiles, WorkOrderDesk workOrders,
            JdbcTemplate jdbc, BusinessTime time, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.attachments = attachments;
        this.store = store;
        this.files = files;
        this.names = names;
        this.properties = properties;
        this.intake = intake;
        this.caseFiles = caseFiles;
        this.workOrders = workOrders;
        this.jdbc = jdbc;
        this.time = time;
        this.events = events;
        this.tx = new TransactionTemplate(transactions);
    }

    /** A file as it came in: the name the client gave (kept, encrypted, never trusted for the type). */
    public record Upload(String fileName, byte[] bytes) {
    }

    /** An attachment as listed; {@code replayed} when an upload found the same file already there. */
    public record AttachmentView(long id, String ownerType, long ownerId, Long caseId, String fileName,
            String mediaType, long size, String uploadedBy, Instant uploadedAt, boolean replayed) {
    }

    public record Content(String fileName, String mediaType, byte[] bytes) {
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AttachmentView addToReport(long reportId, Upload upload, CurrentUser user) {
        return evenIfRaced(() -> {
            IntakeQueries.ReportRef report = intake.forEvidence(reportId, user)
                    .orElseThrow(() -> Refusal.notFound("evidence.report-not-found"));
            return store(Attachment.Owner.REPORT, reportId, report.caseId(), report.villageCode(),
                    properties.maxPerReport(), upload, user);
        });
    }

    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public AttachmentView addToCase(long caseId, Upload upload, CurrentUser user) {
        return evenIfRaced(() -> {
            CaseRef file = workedCase(caseId, user);
            return store(Attachment.Owner.CASE, caseId, caseId, file.villageCode(), properties.maxPerCase(), upload,
                    user);
        });
    }

    /**
     * Two identical uploads at the same instant (a double click, a client's retry on a slow link)
     * both find no attachment and both insert; the unique index lets one commit. The other's
     * transaction is rolled back (its chunks with it) and run once more, where it finds the
     * winner's attachment and answers as a replay, instead of failing.
     */
    private AttachmentView evenIfRaced(Supplier<AttachmentView> upload) {
        try {
            return tx.execute(status -> upload.get());
        }
        catch (DataIntegrityViolationException lostTheRace) {
            return tx.execute(status -> upload.get());
        }
    }

    /** The attachments of a case and of its reports: all of them for those who work it, the shared ones for an agency. */
    public List<AttachmentView> ofCase(long caseId, CurrentUser user) {
        if (user.is(Role.AGENCY_STAFF)) {
            List<AttachmentView> shared = attachments.findByCaseIdOrderByIdDesc(caseId).stream()
                    .filter(a -> sharedWith(a, user)).map(a -> view(a, false)).toList();
            if (shared.isEmpty()) {
                throw Refusal.notFound("cases.not-found-in-scope");
            }
            return shared;
        }
        workedCase(caseId, user);
        return attachments.findByCaseIdOrderByIdDesc(caseId).stream().map(a -> view(a, false)).toList();
    }

    /** The file, decrypted, for someone who may read it (404 otherwise); every read is audited. */
    public Content content(long caseId, long attachmentId, CurrentUser user) {
        Attachment a = attachments.findById(attachmentId)
                .filter(found -> found.caseId() != null && found.caseId() == caseId && mayRead(found, user))
                .orElseThrow(() -> Refusal.notFound("evidence.not-found"));
        events.publishEvent(AuditEvent.success(user.username(), "ATTACHMENT_READ", "ATTACHMENT", a.id())
                .withDetail(a.caseId() == null ? "report " + a.ownerId() : "case " + a.caseId()));
        return new Content(names.decrypt(a.fileNameCipher()), a.mediaType(), files.decrypt(store.get(a.storageKey())));
    }

    /** Shares an attachment of a case with one of its work orders, so that the agency may read it. */
    public AttachmentView share(long caseId, long attachmentId, long workOrderId, CurrentUser user) {
        Attachment a = attachments.findById(attachmentId)
                .filter(found -> found.caseId() != null && found.caseId() == caseId && caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound("evidence.not-found"));
        WorkOrderView order;
        try {
            order = workOrders.find(workOrderId, user);
        }
        catch (Refusal notThere) {
            throw Refusal.invalidField("workOrderId", "evidence.share.order-invalid");
        }
        if (order.caseId() != a.caseId()) {
            throw Refusal.invalidField("workOrderId", "evidence.share.order-invalid");
        }
        Integer already = jdbc.queryForObject("select count(*) from evidence_share where attachment_id = ? "
                + "and work_order_id = ?", Integer.class, attachmentId, workOrderId);
        if (already == null || already == 0) {
            jdbc.update("insert into evidence_share (attachment_id, work_order_id, shared_by, shared_at) values (?, ?, ?, ?)",
                    attachmentId, workOrderId, user.username(),
                    java.sql.Timestamp.from(time.now()));
            events.publishEvent(AuditEvent.success(user.username(), "ATTACHMENT_SHARED", "ATTACHMENT", attachmentId)
                    .withDetail("work order " + workOrderId));
        }
        return view(a, false);
    }

    // --- internals -------------------------------------------------------------------------------

    private AttachmentView store(Attachment.Owner owner, long ownerId, Long caseId, String villageCode, int maxCount,
            Upload upload, CurrentUser user) {
        byte[] bytes = upload.bytes() == null ? new byte[0] : upload.bytes();
        if (bytes.length == 0) {
            throw Refusal.invalidField("file", "evidence.empty");
        }
        if (bytes.length > properties.maxSize().toBytes()) {
            throw Refusal.invalidField("file", "evidence.too-large", properties.maxSize().toMegabytes());
        }
        String type = tika.detect(bytes);
        if (!properties.allowedTypes().contains(type)) {
            throw Refusal.invalidField("file", "evidence.type-refused", type);
        }
        String fingerprint = files.fingerprint(bytes);
        Optional<Attachment> same = attachments.findByOwnerTypeAndOwnerIdAndContentFingerprint(owner, ownerId, fingerprint);
        if (same.isPresent()) {
            return view(same.get(), true);
        }
        if (attachments.countByOwnerTypeAndOwnerId(owner, ownerId) >= maxCount) {
            throw Refusal.invalidState("too-many-attachments", "evidence.too-many", maxCount);
        }
        String name = upload.fileName() == null || upload.fileName().isBlank() ? null
                : upload.fileName().strip().substring(0, Math.min(200, upload.fileName().strip().length()));
        String key = store.put(files.encrypt(bytes));
        Attachment a = attachments.saveAndFlush(new Attachment(owner, ownerId, caseId, villageCode, names.encrypt(name),
                type, bytes.length, fingerprint, key, user.username(), time.now()));
        events.publishEvent(AuditEvent.success(user.username(), "ATTACHMENT_ADDED", "ATTACHMENT", a.id())
                .withDetail(owner + " " + ownerId + " " + type));
        return view(a, false);
    }

    private CaseRef workedCase(long caseId, CurrentUser user) {
        return caseFiles.find(caseId).filter(c -> caseFiles.isWorkedBy(caseId, user))
                .orElseThrow(() -> Refusal.notFound("cases.not-found-in-scope"));
    }

    private boolean mayRead(Attachment a, CurrentUser user) {
        if (user.is(Role.AGENCY_STAFF)) {
            return sharedWith(a, user);
        }
        if (a.caseId() != null && caseFiles.isWorkedBy(a.caseId(), user)) {
            return true;
        }
        return a.uploadedBy().equals(user.username());
    }

    /** Shared with a work order this agency user can see (their agency's). */
    private boolean sharedWith(Attachment a, CurrentUser user) {
        List<Long> orders = jdbc.queryForList("select work_order_id from evidence_share where attachment_id = ?",
                Long.class, a.id());
        for (Long order : orders) {
            try {
                workOrders.find(order, user);
                return true;
            }
            catch (Refusal notTheirs) {
                // another agency's order
            }
        }
        return false;
    }

    private AttachmentView view(Attachment a, boolean replayed) {
        return new AttachmentView(a.id(), a.ownerType().name(), a.ownerId(), a.caseId(), names.decrypt(a.fileNameCipher()),
                a.mediaType(), a.sizeBytes(), a.uploadedBy(), a.uploadedAt(), replayed);
    }
}

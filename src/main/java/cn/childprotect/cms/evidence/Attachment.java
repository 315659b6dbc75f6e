package cn.childprotect.cms.evidence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** One evidence file of a report or a case; its bytes are in the {@link BlobStore}, encrypted. */
@Entity
@Table(name = "evidence_attachment")
class Attachment {

    enum Owner { REPORT, CASE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_type")
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Owner ownerType;

    @Column(name = "owner_id")
    private long ownerId;

    @Column(name = "case_id")
    private Long caseId;

    @Column(name = "village_code", columnDefinition = "char(12)")
    private String villageCode;

    @Column(name = "file_name_cipher")
    private String fileNameCipher;

    @Column(name = "media_type")
    private String mediaType;

    @Column(name = "size_bytes")
    private long sizeBytes;

    @Column(name = "content_fingerprint", columnDefinition = "char(64)")
    private String contentFingerprint;

    @Column(name = "storage_key")
    private String storageKey;

    @Column(name = "uploaded_by")
    private String uploadedBy;

    @Column(name = "uploaded_at")
    private Instant uploadedAt;

    @Version
    private long version;

    protected Attachment() {
    }

    Attachment(Owner ownerType, long ownerId, Long caseId, String villageCode, String fileNameCipher, String mediaType,
            long sizeBytes, String contentFingerprint, String storageKey, String uploadedBy, Instant uploadedAt) {
        this.ownerType = ownerType;
        this.ownerId = ownerId;
        this.caseId = caseId;
        this.villageCode = villageCode;
        this.fileNameCipher = fileNameCipher;
        this.mediaType = mediaType;
        this.sizeBytes = sizeBytes;
        this.contentFingerprint = contentFingerprint;
        this.storageKey = storageKey;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = uploadedAt;
    }

    Long id() { return id; }
    Owner ownerType() { return ownerType; }
    long ownerId() { return ownerId; }
    Long caseId() { return caseId; }
    String villageCode() { return villageCode; }
    String fileNameCipher() { return fileNameCipher; }
    String mediaType() { return mediaType; }
    long sizeBytes() { return sizeBytes; }
    String storageKey() { return storageKey; }
    String uploadedBy() { return uploadedBy; }
    Instant uploadedAt() { return uploadedAt; }
}

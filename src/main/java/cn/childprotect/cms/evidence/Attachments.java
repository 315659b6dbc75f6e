package cn.childprotect.cms.evidence;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface Attachments extends JpaRepository<Attachment, Long> {

    Optional<Attachment> findByOwnerTypeAndOwnerIdAndContentFingerprint(Attachment.Owner ownerType, long ownerId,
            String contentFingerprint);

    long countByOwnerTypeAndOwnerId(Attachment.Owner ownerType, long ownerId);

    List<Attachment> findByCaseIdOrderByIdDesc(long caseId);
}

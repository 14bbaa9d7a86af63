package cn.zhifa.inspection.web;

import cn.zhifa.inspection.InspectionKind;
import cn.zhifa.inspection.InspectionMode;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.ItemOutcome;
import cn.zhifa.inspection.RecordDocuments;
import cn.zhifa.inspection.RecordStatus;
import cn.zhifa.inspection.SignerRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A 现场检查记录 as the API shows it (signatures by hash, not their image), with its documents: {@code PENDING} (no url)
 * from the submission until they are issued after it, then {@code ISSUED} with the PDF's address;
 * {@code documentsDelayed}: still pending a while after the submission (the issue failed and will be retried).
 */
record RecordApiView(long id, long taskId, long enterpriseId, String enterpriseName, InspectionKind kind,
                     InspectionMode mode, long templateId, RecordStatus status, int recordVersion, Long supersedesId,
                     String correctionReason, String place, Instant startedAt, Instant endedAt, BigDecimal latitude,
                     BigDecimal longitude, String representativeName, String findings, List<Item> items,
                     List<Long> evidenceIds, List<Signature> signatures, Instant submittedAt, List<Document> documents,
                     boolean documentsDelayed) {

    record Document(String kind, String title, RecordDocuments.State state, String number, String url) {
    }

    record Item(String code, String content, String legalBasis, boolean major, ItemOutcome result, String note,
                String location, LocalDate rectifyBy, String immediateMeasure, List<Long> photos, String violation) {
    }

    record Signature(SignerRole role, Long userId, String name, String sha256, boolean refused, String witness,
                     Instant signedAt) {
    }

    static RecordApiView of(InspectionRecord r, RecordDocuments documents) {
        return new RecordApiView(r.getId(), r.getTaskId(), r.getEnterpriseId(), r.getEnterpriseName(), r.getKind(),
                r.getMode(), r.getTemplateId(), r.getStatus(), r.getRecordVersion(), r.getSupersedesId(),
                r.getCorrectionReason(), r.getPlace(), r.getStartedAt(), r.getEndedAt(), r.getLatitude(), r.getLongitude(),
                r.getRepresentativeName(), r.getFindings(),
                r.getItems().stream().map(i -> new Item(i.code(), i.content(), i.legalBasis(), i.major(), i.result(),
                        i.note(), i.location(), i.rectifyBy(), i.immediateMeasure(), r.photosOf(i.code()), i.violationText()))
                        .toList(),
                List.copyOf(r.evidenceIds()),
                r.getSignatures().stream().map(s -> new Signature(s.signerRole(), s.userId(), s.signerName(), s.sha256(),
                        s.refused(), s.witness(), s.signedAt())).toList(),
                r.getSubmittedAt(),
                documents.entries().stream().map(d -> new Document(d.kind(), d.title(), d.state(), d.number(),
                        d.documentId() == null ? null : "/api/v1/documents/" + d.documentId() + "/pdf")).toList(),
                documents.delayed());
    }
}

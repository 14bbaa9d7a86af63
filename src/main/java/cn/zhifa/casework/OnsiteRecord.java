package cn.zhifa.casework;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A structured record of a case as shown on the case page: its kind, when and where, the person concerned, the
 * officers, the question/answer rows or items, the document issued from it, where it stands ({@code state}) and, for a
 * 先行登记保存, how it stands with the head's approval ({@code approval}).
 */
public record OnsiteRecord(long id, long caseId, OnsiteKind kind, LocalDateTime startedAt, LocalDateTime endedAt,
                           String place, String personName, String officers, String content, String signatureNote,
                           Long documentId, String documentTitle, String documentNumber, String recordedBy,
                           LocalDateTime recordedAt, List<RecordInput.QuestionAnswer> answers, List<RecordInput.Item> items,
                           String state, String approval) {

    /** When it took place (the record's start), else when it was recorded; in the bureau's time zone. */
    public LocalDateTime when() {
        return startedAt != null ? startedAt : recordedAt;
    }
}

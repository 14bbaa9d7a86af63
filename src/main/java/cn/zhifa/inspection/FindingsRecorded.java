package cn.zhifa.inspection;

import java.time.LocalDate;
import java.util.List;

/**
 * The hazards found by a submitted record: failed checklist items and free findings, with the measure
 * the officers ordered (a rectification deadline, or immediate measures on site). The hazard module
 * registers them in the same transaction. {@code originRecordId} is the first version of a corrected
 * record, so a correction does not register the same finding twice. {@code campaignId} is the 专项 (planning's
 * campaign id) of the record's task, or null: its hazards are tagged with it.
 */
public record FindingsRecorded(long recordId, long originRecordId, long organizationId, long enterpriseId,
                               String enterpriseName, LocalDate inspectedOn, List<Long> officers,
                               List<Finding> findings, boolean demo, Long campaignId) {

    /**
     * @param itemCode         checklist item code, or null for a free finding
     * @param major            true when it matches a 重大事故隐患 criterion
     * @param rectifyBy        the 责令限期整改 deadline, or null
     * @param immediateMeasure the 现场处理措施, or null
     */
    public record Finding(String itemCode, String description, String legalBasis, boolean major, String criterion,
                          String location, LocalDate rectifyBy, String immediateMeasure, List<Long> evidenceIds) {
    }
}

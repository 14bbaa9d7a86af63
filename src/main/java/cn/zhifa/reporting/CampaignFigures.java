package cn.zhifa.reporting;

import java.math.BigDecimal;

/**
 * The five figures seed 004 reports per 专项 (campaign): firms inspected (家), hazards found, 重大隐患 among them, cases
 * filed (立案) and fines decided (元), counted over the tasks, records, hazards and cases that carry the campaign's tag.
 */
public record CampaignFigures(long campaignId, String name, long firmsInspected, long hazards, long majorHazards,
                              long casesFiled, BigDecimal finesYuan) {
}

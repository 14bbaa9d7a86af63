package cn.zhifa.planning;

import java.time.LocalDate;

/**
 * A 专项执法 campaign of a plan; its target firms are plan items carrying its code. {@code campaignId} is its identity
 * across modules: tasks created for it, their records, the hazards and cases from them carry it as their 专项 tag.
 * It runs from {@code startsOn} to {@code endsOn} (inclusive), inside its plan's year.
 */
@org.springframework.data.relational.core.mapping.Table("planning_campaign")
public record Campaign(String code, CampaignKind kind, String name, String basis, long campaignId, LocalDate startsOn,
                       LocalDate endsOn) {
}

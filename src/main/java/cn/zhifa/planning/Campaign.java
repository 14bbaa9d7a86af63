package cn.zhifa.planning;

/** A 专项执法 campaign of a plan; its target firms are plan items carrying its code. */
@org.springframework.data.relational.core.mapping.Table("planning_campaign")
public record Campaign(String code, CampaignKind kind, String name, String basis) {
}

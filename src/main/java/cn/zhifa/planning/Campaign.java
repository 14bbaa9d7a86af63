package cn.zhifa.planning;

/** A 专项执法 campaign of a plan; its target firms are plan items carrying its code. */
public record Campaign(String code, CampaignKind kind, String name, String basis) {
}

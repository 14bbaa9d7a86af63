package cn.zhifa.planning;

import java.time.Instant;

/** A numbered change to a published plan, with its reason. */
@org.springframework.data.relational.core.mapping.Table("planning_amendment")
public record Amendment(int number, String reason, String description, Instant amendedAt, String amendedBy) {
}

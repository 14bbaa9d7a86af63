package cn.zhifa.planning;

import java.time.Instant;

/** A numbered change to a published plan, with its reason. */
public record Amendment(int number, String reason, String description, Instant amendedAt, String amendedBy) {
}

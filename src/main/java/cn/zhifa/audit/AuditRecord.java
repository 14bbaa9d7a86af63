package cn.zhifa.audit;

import java.time.Instant;

/** One stored audit record. */
public record AuditRecord(long id, Instant occurredAt, String actor, Long actorId, Long organizationId, String action,
                          String targetType, String targetId, Outcome outcome, String detail, String clientAddress,
                          String previousHash, String hash) {

    public enum Outcome {
        SUCCESS("成功"), FAILURE("失败"), REJECTED("被拒绝");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

package cn.zhifa.registry;

import java.time.Instant;
import java.time.LocalDate;

/** One entry of an agency's history: what happened, on which day, why, and who recorded it. */
public record AgencyEvent(Kind kind, LocalDate occurredOn, String detail, String changedBy, Instant changedAt) {

    public enum Kind {
        REGISTERED("登记"),
        QUALIFICATION_CHANGED("资质变更"),
        SUSPENDED("暂停"),
        RESTORED("恢复"),
        REVOKED("撤销"),
        CLIENT_ADDED("登记服务企业"),
        CLIENT_ENDED("结束服务");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

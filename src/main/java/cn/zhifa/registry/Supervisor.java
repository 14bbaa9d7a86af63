package cn.zhifa.registry;

import java.time.LocalDate;

/**
 * A 技术检查员 or 社会监督员 appointed for a term (at most the configured {@link SupervisorTerms}); an appointment
 * ended early (解聘) stops serving on {@code endedOn}. The ID number is shown masked.
 */
public record Supervisor(long id, SupervisorKind kind, String name, String maskedIdNumber, String employer, String phone,
                         long organizationId, LocalDate termStart, LocalDate termEnd, LocalDate endedOn, String endReason) {

    public boolean servingOn(LocalDate date) {
        return !date.isBefore(termStart) && !date.isAfter(termEnd) && (endedOn == null || date.isBefore(endedOn));
    }

    /** 在任 / 未到任 / 已解聘 / 任期已满 on {@code date}. */
    public String statusOn(LocalDate date) {
        if (servingOn(date)) {
            return "在任";
        }
        if (endedOn != null && !date.isBefore(endedOn)) {
            return "已解聘";
        }
        return date.isBefore(termStart) ? "未到任" : "任期已满";
    }

    public boolean ended() {
        return endedOn != null;
    }

    public String maskedPhone() {
        return phone == null || phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    public enum SupervisorKind {
        TECHNICAL("技术检查员"), SOCIAL("社会监督员");

        private final String label;

        SupervisorKind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One entry of an appointment's history. */
    public record Event(String kind, LocalDate occurredOn, String detail, String changedBy) {
    }
}

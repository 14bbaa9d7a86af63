package cn.zhifa.registry;

import java.time.LocalDate;

/** A 技术检查员 or 社会监督员 with a term (社会监督员: 3 years). The ID number is shown masked. */
public record Supervisor(long id, SupervisorKind kind, String name, String maskedIdNumber, String employer, String phone,
                         long organizationId, LocalDate termStart, LocalDate termEnd) {

    public boolean servingOn(LocalDate date) {
        return !date.isBefore(termStart) && !date.isAfter(termEnd);
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
}

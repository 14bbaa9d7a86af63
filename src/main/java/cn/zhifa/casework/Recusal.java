package cn.zhifa.casework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.Objects;
import org.springframework.data.relational.core.mapping.Table;

/**
 * 回避 (行政处罚法第四十三条): the party's application that a handler, legal reviewer or hearing officer withdraw from the
 * case, and the head's decision ({@code granted} null while pending). Part of the {@link PenaltyCase} aggregate; a
 * person whose recusal was granted may no longer act on the case.
 */
@Table("case_recusal")
public record Recusal(int number, RecusalRole role, Long personId, String personName, String reason, LocalDate appliedOn,
                      String recordedBy, Boolean granted, LocalDate decidedOn, String decidedBy, String decisionReason,
                      @JsonIgnore Long organizationId) {

    public Recusal(int number, RecusalRole role, Long personId, String personName, String reason, LocalDate appliedOn,
                   String recordedBy, Boolean granted, LocalDate decidedOn, String decidedBy, String decisionReason) {
        this(number, role, personId, personName, reason, appliedOn, recordedBy, granted, decidedOn, decidedBy, decisionReason,
                null);
    }

    Recusal keyed(long organizationId) {
        return new Recusal(number, role, personId, personName, reason, appliedOn, recordedBy, granted, decidedOn, decidedBy,
                decisionReason, organizationId);
    }

    public boolean pending() {
        return granted == null;
    }

    /** True when the recusal was granted and concerns the person {@code userId} / {@code name}. */
    public boolean excludes(Long userId, String name) {
        return Boolean.TRUE.equals(granted) && concerns(userId, name);
    }

    boolean concerns(Long userId, String name) {
        return personId != null && personId.equals(userId) || name != null && name.strip().equals(personName);
    }

    /** E.g. "申请承办人张三回避". */
    public String title() {
        return "申请" + role.label() + personName + "回避";
    }

    /** In Chinese: 待决定 / 决定回避 / 驳回申请. */
    public String status() {
        return pending() ? "待决定" : granted ? "决定回避" : "驳回申请";
    }

    Recusal decide(boolean grant, LocalDate on, String by, String why) {
        Objects.requireNonNull(on);
        return new Recusal(number, role, personId, personName, reason, appliedOn, recordedBy, grant, on, by, why,
                organizationId);
    }
}

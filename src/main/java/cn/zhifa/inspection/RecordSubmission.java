package cn.zhifa.inspection;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A whole 现场检查记录 composed on a terminal (possibly offline) and submitted in one request:
 * answers, photo references (uploaded before through the evidence API), drawn signatures (PNG data URLs).
 */
public record RecordSubmission(@NotNull(message = "请指定检查任务") Long taskId,
                               Instant startedAt,
                               Instant endedAt,
                               @Size(max = 300, message = "检查场所不超过300字") String place,
                               BigDecimal latitude,
                               BigDecimal longitude,
                               @Size(max = 50) String representativeName,
                               @Size(max = 50) String representativeTitle,
                               @Size(max = 30) String representativePhone,
                               @Size(max = 4000, message = "检查情况不超过4000字") String findings,
                               @NotNull(message = "请填写检查项结果") List<@Valid ItemAnswer> items,
                               List<PhotoRef> photos,
                               List<OfficerSignature> officerSignatures,
                               RepresentativeSignature representative,
                               boolean confirmNonWorkingDeadline) {

    public record ItemAnswer(@NotNull(message = "缺少检查项编号") String code,
                             @NotNull(message = "缺少检查结果") ItemOutcome result,
                             String note, String location, LocalDate rectifyBy, String immediateMeasure) {
    }

    public record PhotoRef(long evidenceId, String itemCode) {
    }

    /** {@code png}: data:image/png;base64,… */
    public record OfficerSignature(long userId, String png) {
    }

    public record RepresentativeSignature(String name, String png, boolean refused, String witness) {
    }
}

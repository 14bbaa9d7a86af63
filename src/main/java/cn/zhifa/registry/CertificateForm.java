package cn.zhifa.registry;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** What is entered to record a newly issued 行政执法证. */
public record CertificateForm(
        @NotNull(message = "请选择执法人员") Long userId,
        @NotBlank(message = "请填写执法证号") @Pattern(regexp = "^$|^[0-9A-Za-z-]{6,30}$", message = "执法证号应为 6 至 30 位字母、数字或横线") String certificateNo,
        @NotBlank(message = "请填写发证机关") @Size(max = 60, message = "发证机关不能超过 60 个字") String issuingAuthority,
        @NotNull(message = "请填写发证日期") LocalDate issuedOn,
        @NotNull(message = "请填写有效期截止日期") LocalDate expiresOn,
        @Pattern(regexp = "^$|^\\d{9}$|^\\d{12}$", message = "负责的乡镇（街道）区划代码应为 9 位或 12 位数字") String townCode) {

    public static CertificateForm empty() {
        return new CertificateForm(null, "", "", null, null, "");
    }
}

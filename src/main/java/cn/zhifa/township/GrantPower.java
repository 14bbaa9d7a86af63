package cn.zhifa.township;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Records that a township holds a power of the 权责清单 by 赋权 or 委托 (LEADER of the district). */
public record GrantPower(@NotNull(message = "请选择街道（乡镇）") Long organizationId,
                         @NotNull(message = "请从权责清单中选择事项") Long powerId,
                         @NotNull(message = "请选择赋权或委托") PowerMode mode,
                         @Size(max = 10, message = "代字不超过10个字") String ownShortName,
                         @NotBlank(message = "请填写赋权（委托）文件名称") @Size(max = 200, message = "文件名称不超过200字") String instrumentTitle,
                         @NotBlank(message = "请填写文号") @Size(max = 100, message = "文号不超过100字") String instrumentNumber,
                         @NotNull(message = "请填写起始日期") LocalDate validFrom,
                         LocalDate validTo) {

    public static GrantPower empty() {
        return new GrantPower(null, null, PowerMode.ENTRUSTED, "", "", "", null, null);
    }
}

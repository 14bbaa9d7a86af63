package cn.zhifa.organization;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What an administrator enters to create or describe a unit. */
public record OrganizationForm(
        Long parentId,
        @NotBlank(message = "请填写单位名称") @Size(max = 60, message = "单位名称不能超过 60 个字") String name,
        @Size(max = 20, message = "机关简称不能超过 20 个字") String shortName,
        @NotNull(message = "请选择单位类别") OrganizationKind kind,
        @Pattern(regexp = "^$|^\\d{6}(\\d{3}){0,2}$", message = "行政区划代码应为 6、9 或 12 位数字") String divisionCode,
        @Min(value = 0, message = "排序号不能为负数") @Max(value = 9999, message = "排序号不能超过 9999") Integer sortOrder) {

    public static OrganizationForm empty() {
        return new OrganizationForm(null, "", "", OrganizationKind.TOWNSHIP, "", 0);
    }

    public static OrganizationForm of(OrganizationView view) {
        return new OrganizationForm(view.parentId(), view.name(), view.shortName(), view.kind(), view.divisionCode(),
                view.sortOrder());
    }
}

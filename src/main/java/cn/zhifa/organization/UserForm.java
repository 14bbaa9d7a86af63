package cn.zhifa.organization;

import cn.zhifa.shared.security.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;

/** What an administrator enters to create or describe a user. The password is only used on creation. */
public record UserForm(
        @NotBlank(message = "请填写用户名") @Pattern(regexp = "^$|^[A-Za-z][A-Za-z0-9_.-]{2,39}$", message = "用户名须以字母开头，由 3 至 40 位字母、数字、下划线、点或横线组成") String username,
        @NotBlank(message = "请填写姓名") @Size(max = 30, message = "姓名不能超过 30 个字") String displayName,
        @NotNull(message = "请选择所属单位") Long organizationId,
        @Pattern(regexp = "^$|^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$", message = "电话号码格式不正确") String phone,
        Set<Role> roles,
        String password) {

    public static UserForm empty() {
        return new UserForm("", "", null, "", Set.of(), "");
    }

    public Set<Role> rolesOrEmpty() {
        return roles == null ? Set.of() : roles;
    }
}

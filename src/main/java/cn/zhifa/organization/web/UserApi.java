package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.organization.OrganizationManagement;
import cn.zhifa.organization.OrganizationView;
import cn.zhifa.organization.UserForm;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.UserView;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users and units of the caller's subtree. */
@RestController
@Tag(name = "组织与用户", description = "本单位及下级单位的组织机构与用户")
class UserApi {

    private final UserManagement users;
    private final OrganizationManagement organizations;

    UserApi(UserManagement users, OrganizationManagement organizations) {
        this.users = users;
        this.organizations = organizations;
    }

    @GetMapping("/api/v1/organizations")
    @Operation(summary = "本单位及下级单位（深度优先）")
    Page<OrganizationView> organizations(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(organizations.visibleTree(), page, size);
    }

    @GetMapping("/api/v1/users")
    @Operation(summary = "查询用户")
    Page<UserApiView> users(@RequestParam(required = false) String q, @RequestParam(required = false) Long organizationId,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return users.search(q, organizationId, Page.number(page), Page.size(size)).map(UserApiView::of);
    }

    @GetMapping("/api/v1/users/{id}")
    @Operation(summary = "用户详情")
    UserApiView user(@PathVariable long id) {
        return UserApiView.of(users.get(id));
    }

    @PostMapping("/api/v1/users")
    @Allowed(Action.MANAGE_ACCOUNTS)
    @Operation(summary = "新增用户（系统管理员）")
    ResponseEntity<UserApiView> create(@Valid @RequestBody UserForm form) {
        UserView created = users.create(form);
        return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(UserApiView.of(created));
    }

    /** The API shows phones masked. */
    record UserApiView(long id, String username, String displayName, long organizationId, String organizationName,
                       String phone, java.util.Set<cn.zhifa.shared.security.Role> roles, boolean enabled) {
        static UserApiView of(UserView user) {
            return new UserApiView(user.id(), user.username(), user.displayName(), user.organizationId(),
                    user.organizationName(), user.maskedPhone(), user.roles(), user.enabled());
        }
    }
}

package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.internal.ApiTokens;
import cn.zhifa.organization.internal.LoginThrottle;
import cn.zhifa.shared.security.Actors;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthentication;
import cn.zhifa.organization.internal.ZhifaUser;
import cn.zhifa.shared.web.ApiExceptionHandler;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Token login for terminals: the same password check, policy, lockout and per-address throttling as the login
 * page; one answer for a wrong password, an unknown, locked or disabled account, so it tells no one which
 * accounts exist. Logout revokes the token; a password the user must change is changed here.
 */
@RestController
@Tag(name = "认证", description = "获取、注销接口令牌，修改本人密码")
class AuthApi {

    /** The same words for every refused login: they do not tell whether the account exists or is locked. */
    static final String LOGIN_REFUSED = "用户名或密码错误，或账号已被锁定、停用。连续输错密码将临时锁定账号，如需帮助请联系管理员。";

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;
    private final LoginThrottle throttle;
    private final UserManagement users;

    AuthApi(AuthenticationManager authenticationManager, ApiTokens tokens, LoginThrottle throttle, UserManagement users) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.throttle = throttle;
        this.users = users;
    }

    record PasswordChange(@NotBlank(message = "请填写原密码") String oldPassword,
                          @NotBlank(message = "请填写新密码") String newPassword) {
    }

    record Credentials(@NotBlank(message = "请填写用户名") String username, @NotBlank(message = "请填写密码") String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/api/v1/auth/token")
    @Allowed(Action.PUBLIC)
    @Operation(summary = "用户名密码换取 Bearer 令牌")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        Audit.target("用户", credentials.username());
        if (throttle.blocked(LoginThrottle.address(request))) {
            Audit.refused(LoginThrottle.REFUSED);
            return ApiExceptionHandler.problem(HttpStatus.TOO_MANY_REQUESTS, LoginThrottle.REFUSED);
        }
        try {
            Authentication authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
            ZhifaUser user = (ZhifaUser) authentication.getPrincipal();
            ApiTokens.IssuedToken issued = tokens.issue(user);
            return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
        } catch (AuthenticationException failed) {
            Audit.refused("登录失败");
            return ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, LOGIN_REFUSED);
        }
    }

    @PostMapping("/api/v1/auth/logout")
    @Allowed(Action.SIGNED_IN)
    @Operation(summary = "注销当前令牌（立即失效）")
    ResponseEntity<Void> logout(Authentication authentication) {
        if (authentication instanceof BearerTokenAuthentication bearer) {
            tokens.revoke(bearer.getToken().getTokenValue());
        }
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/v1/auth/password")
    @Allowed(Action.SIGNED_IN)
    @Operation(summary = "修改本人密码（首次登录、重置或过期后须先修改）；修改后本人所有令牌失效")
    ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
        users.changeOwnPassword(Actors.require().userId(), change.oldPassword(), change.newPassword());
        return ResponseEntity.noContent().build();
    }
}

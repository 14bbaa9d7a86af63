package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.organization.UserManagement;
import cn.zhifa.organization.internal.ApiTokens;
import cn.zhifa.organization.internal.LoginThrottle;
import cn.zhifa.organization.internal.Logins;
import cn.zhifa.organization.internal.SecondFactors;
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
    private final Logins logins;
    private final SecondFactors secondFactors;

    AuthApi(AuthenticationManager authenticationManager, ApiTokens tokens, LoginThrottle throttle, UserManagement users,
            Logins logins, SecondFactors secondFactors) {
        this.logins = logins;
        this.secondFactors = secondFactors;
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
        this.throttle = throttle;
        this.users = users;
    }

    record PasswordChange(@NotBlank(message = "请填写原密码") String oldPassword,
                          @NotBlank(message = "请填写新密码") String newPassword) {
    }

    /** A login that owes the second factor and did not show a right one (after a right password). */
    static final String SECOND_FACTOR_REFUSED = "需要动态验证码：请在 totp 字段填写手机验证器当前显示的 6 位数字或一个未用过的恢复码。"
            + "验证码错误、已用过或缺失；连续输错将临时锁定账号。";
    static final String SECOND_FACTOR_NOT_ENROLLED = "该账号登录须使用动态验证码，但尚未绑定：请先在网页登录，于“个人设置”中绑定。";

    record Credentials(@NotBlank(message = "请填写用户名") String username, @NotBlank(message = "请填写密码") String password,
                       @io.swagger.v3.oas.annotations.media.Schema(description = "动态验证码（6 位）或恢复码；三员账号及内网以外登录必填")
                       String totp) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/api/v1/auth/token")
    @Allowed(Action.PUBLIC)
    @Operation(summary = "用户名密码换取 Bearer 令牌（三员账号及内网以外登录另须 totp 动态验证码）")
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
            if (logins.secondFactorRequired(user)) {
                if (!secondFactors.enrolled(user.userId())) {
                    Audit.refused("未绑定动态验证码");
                    return ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, SECOND_FACTOR_NOT_ENROLLED);
                }
                if (!logins.checkSecondFactor(user, credentials.totp())) {
                    Audit.refused("动态验证码错误");
                    return ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, SECOND_FACTOR_REFUSED);
                }
            }
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

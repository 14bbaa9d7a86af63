package cn.zhifa.organization.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.organization.internal.ApiTokens;
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
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Token login for terminals: the same password check, policy and lockout as the login page. */
@RestController
@Tag(name = "认证", description = "获取接口令牌")
class AuthApi {

    private final AuthenticationManager authenticationManager;
    private final ApiTokens tokens;

    AuthApi(AuthenticationManager authenticationManager, ApiTokens tokens) {
        this.authenticationManager = authenticationManager;
        this.tokens = tokens;
    }

    record Credentials(@NotBlank(message = "请填写用户名") String username, @NotBlank(message = "请填写密码") String password) {
    }

    record TokenResponse(String token, Instant expiresAt) {
    }

    @PostMapping("/api/v1/auth/token")
    @Allowed(Action.PUBLIC)
    @Operation(summary = "用户名密码换取 Bearer 令牌")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
        Audit.target("用户", credentials.username());
        try {
            Authentication authentication = authenticationManager.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(credentials.username(), credentials.password()));
            ZhifaUser user = (ZhifaUser) authentication.getPrincipal();
            ApiTokens.IssuedToken issued = tokens.issue(user.userId());
            return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
        } catch (LockedException locked) {
            return ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, "连续登录失败次数过多，账号已被临时锁定，请稍后再试或联系管理员解锁。");
        } catch (DisabledException disabled) {
            return ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, "账号已停用，请联系管理员。");
        } catch (AuthenticationException failed) {
            return ApiExceptionHandler.problem(HttpStatus.UNAUTHORIZED, "用户名或密码错误。");
        }
    }
}

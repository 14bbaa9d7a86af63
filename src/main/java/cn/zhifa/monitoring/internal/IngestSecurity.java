package cn.zhifa.monitoring.internal;

import cn.zhifa.shared.web.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2AuthenticatedPrincipal;
import org.springframework.security.oauth2.server.resource.introspection.OpaqueTokenIntrospector;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ingest endpoints have their own filter chain, ahead of the API's: a bearer secret of an active system client
 * authenticates there (and nowhere else: the API's chain knows only user tokens); a user's token authenticates too,
 * so that the permission table refuses it with 403 (ingest is {@code SYSTEM_CLIENT} only).
 */
@Configuration(proxyBeanMethods = false)
class IngestSecurity {

    static final String[] INGEST = {"/api/v1/monitoring/alarms", "/api/v1/monitoring/patrols"};

    @Bean
    @Order(0)
    SecurityFilterChain monitoringIngest(HttpSecurity http, SystemClients clients, OpaqueTokenIntrospector userTokens,
                                         JsonMapper json) throws Exception {
        OpaqueTokenIntrospector clientOrUser = token -> clients.authenticate(token)
                .<OAuth2AuthenticatedPrincipal>map(c -> c).orElseGet(() -> userTokens.introspect(token));
        org.springframework.security.web.AuthenticationEntryPoint unauthorized = (request, response, e) ->
                problem(response, json, HttpStatus.UNAUTHORIZED,
                        "未认证：请以监测系统接入客户端的密钥（Authorization: Bearer …）调用此接口。");
        return http
                .securityMatcher(INGEST)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server
                        .opaqueToken(opaque -> opaque.introspector(clientOrUser))
                        .authenticationEntryPoint(unauthorized))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler((request, response, denied) -> problem(response, json, HttpStatus.FORBIDDEN,
                                denied.getMessage() == null ? "当前账号无权执行此操作。" : denied.getMessage())))
                .build();
    }

    private static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiExceptionHandler.problem(status, detail).getBody());
    }
}

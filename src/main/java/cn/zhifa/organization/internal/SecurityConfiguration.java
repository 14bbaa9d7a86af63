package cn.zhifa.organization.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.organization.DataScope;
import cn.zhifa.shared.security.ActionDenied;
import cn.zhifa.shared.web.ApiExceptionHandler;
import cn.zhifa.shared.web.PublicPaths;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.resource.authentication.OpaqueTokenAuthenticationProvider;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two filter chains: the JSON API under /api (stateless, bearer tokens, problem-detail errors) and
 * the pages (form login, session with the policy's idle timeout, CSRF). Modules add paths served
 * without login through {@link PublicPaths} beans. Which role may do what is the permission table
 * ({@link cn.zhifa.shared.security.Action}), checked by {@link ActionCheck} before binding.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String[] STATIC = {"/webjars/**", "/css/**", "/js/**", "/img/**", "/favicon.ico", "/error"};

    @Bean
    WebMvcConfigurer actionCheck(org.springframework.beans.factory.ObjectProvider<cn.zhifa.organization.UserManagement> users,
                                 org.springframework.beans.factory.ObjectProvider<SecondFactors> secondFactors) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ActionCheck()).order(0);
                registry.addInterceptor(new SecondFactorGate(secondFactors.getObject())).order(1);
                registry.addInterceptor(new PasswordChangeGate(users.getObject())).order(2);
            }
        };
    }

    /**
     * bcrypt ({bcrypt} hashes) at the given cost, 10 unless configured: the tests lower it (4) because every test login
     * pays it. Hashes of other kinds, and bcrypt hashes of any cost, are still matched (each at its own cost).
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${zhifa.security.password-hash-strength:10}") int strength) {
        DelegatingPasswordEncoder encoder = new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
        encoder.setDefaultPasswordEncoderForMatches(PasswordEncoderFactories.createDelegatingPasswordEncoder());
        return encoder;
    }

    @Bean
    AuthenticationManager authenticationManager(Logins logins, PasswordEncoder passwordEncoder,
                                                ApplicationEventPublisher events) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(logins);
        provider.setPasswordEncoder(passwordEncoder);
        ProviderManager manager = new ProviderManager(provider);
        manager.setAuthenticationEventPublisher(new DefaultAuthenticationEventPublisher(events));
        return manager;
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, List<PublicPaths> publicPaths,
                            AuthenticationManager authenticationManager, JsonMapper json, AuditTrail audit) throws Exception {
        AuthenticationEntryPoint unauthorized = (request, response, e) ->
                writeProblem(response, json, HttpStatus.UNAUTHORIZED, "未登录或令牌无效，请先通过 /api/v1/auth/token 获取令牌。");
        AccessDeniedHandler forbidden = (request, response, e) -> {
            auditRefusal(audit, request, e);
            writeProblem(response, json, HttpStatus.FORBIDDEN, DataScope.OUT_OF_SCOPE.equals(e.getMessage()) || DataScope.USER_OUT_OF_SCOPE.equals(e.getMessage())
                        || e instanceof ActionDenied ? e.getMessage() : "当前账号无权执行此操作。");
        };
        return http
                .securityMatcher("/api/**")
                .authenticationManager(authenticationManager)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers("/api/v1/auth/token").permitAll();
                    publicPaths.forEach(paths -> auth.requestMatchers(paths.patterns().toArray(String[]::new)).permitAll());
                    auth.anyRequest().authenticated();
                })
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .oauth2ResourceServer(server -> server
                        .opaqueToken(opaque -> opaque.authenticationManager(tokenAuthentication(tokens)))
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, ApiTokens tokens, List<PublicPaths> publicPaths, Logins logins,
                              AuthenticationManager authenticationManager, AuditTrail audit, LoginThrottle throttle,
                              SecondFactors secondFactors,
                              @org.springframework.beans.factory.annotation.Value("${server.servlet.session.cookie.name:SESSION}")
                              String sessionCookie) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(jakarta.servlet.http.HttpServletRequest request,
                                                HttpServletResponse response,
                                                org.springframework.security.core.Authentication authentication)
                    throws java.io.IOException, jakarta.servlet.ServletException {
                request.getSession().setMaxInactiveInterval((int) logins.policy().sessionIdle().toSeconds());
                if (authentication.getPrincipal() instanceof ZhifaUser user && logins.secondFactorRequired(user)) {
                    // the password was right; the second factor follows before anything else (SecondFactorGate)
                    request.getSession().setAttribute(SecondFactorGate.PENDING, user.userId());
                    getRedirectStrategy().sendRedirect(request, response, SecondFactorGate.next(secondFactors, user.userId()));
                    return;
                }
                super.onAuthenticationSuccess(request, response, authentication);
            }
        };
        success.setDefaultTargetUrl("/");
        ContentSecurityPolicy csp = new ContentSecurityPolicy();
        return http
                .authenticationManager(authenticationManager)
                .addFilterBefore(throttledLogins(throttle), org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(csp, org.springframework.security.web.header.HeaderWriterFilter.class)
                .authorizeHttpRequests(auth -> {
                    auth.requestMatchers(STATIC).permitAll();
                    auth.requestMatchers("/login", "/actuator/health", "/actuator/health/**").permitAll();
                    publicPaths.forEach(paths -> auth.requestMatchers(paths.patterns().toArray(String[]::new)).permitAll());
                    auth.requestMatchers("/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html").hasRole("ADMIN");
                    auth.requestMatchers("/admin/security-policy/**").hasRole("SECURITY_ADMIN");
                    auth.requestMatchers("/admin/users", "/admin/users/**").hasAnyRole("ADMIN", "SECURITY_ADMIN");
                    auth.requestMatchers("/admin/**").hasRole("ADMIN");
                    auth.requestMatchers("/audit/**").hasRole("AUDITOR");
                    auth.anyRequest().authenticated();
                })
                .formLogin(form -> form.loginPage("/login").successHandler(success).failureUrl("/login?error").permitAll())
                // the page session is Spring Session's cookie (SESSION unless configured), not the container's JSESSIONID
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").deleteCookies(sessionCookie))
                .oauth2ResourceServer(server -> server.opaqueToken(opaque -> opaque.authenticationManager(tokenAuthentication(tokens))))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login"))
                        .accessDeniedHandler((request, response, denied) -> {
                            auditRefusal(audit, request, denied);
                            forbiddenPage(request, response, denied);
                        }))
                .headers(headers -> headers
                        .addHeaderWriter(csp)
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** A login form posted from an address with too many recent failures is not even checked. */
    private static jakarta.servlet.Filter throttledLogins(LoginThrottle throttle) {
        return (request, response, chain) -> {
            if (request instanceof jakarta.servlet.http.HttpServletRequest http && "POST".equals(http.getMethod())
                    && "/login".equals(http.getRequestURI().substring(http.getContextPath().length())) && throttle.blocked(LoginThrottle.address(http))) {
                ((HttpServletResponse) response).sendRedirect(http.getContextPath() + "/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        };
    }

    /** A state-changing request refused before any controller (by the URL rules) is audited as refused here. */
    private static void auditRefusal(AuditTrail audit, jakarta.servlet.http.HttpServletRequest request,
                                     org.springframework.security.access.AccessDeniedException denied) {
        if (!List.of("POST", "PUT", "PATCH", "DELETE").contains(request.getMethod())
                || request.getAttribute(cn.zhifa.audit.Audit.RECORDED) != null) {
            return;
        }
        audit.record(request.getMethod() + " " + request.getRequestURI(), null, null, AuditRecord.Outcome.REJECTED,
                "无权执行此操作");
    }

    /** Renders the Chinese 403 page (the error controller reads the status from the request). */
    private static void forbiddenPage(jakarta.servlet.http.HttpServletRequest request, HttpServletResponse response,
                                      org.springframework.security.access.AccessDeniedException denied)
            throws java.io.IOException, jakarta.servlet.ServletException {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        request.setAttribute(org.springframework.security.web.WebAttributes.ACCESS_DENIED_403, denied);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.FORBIDDEN.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.getRequestDispatcher("/error").forward(request, response);
    }

    /** Bearer tokens are checked by their own provider; passwords by the shared authentication manager. */
    private static AuthenticationManager tokenAuthentication(ApiTokens tokens) {
        return new ProviderManager(new OpaqueTokenAuthenticationProvider(tokens));
    }

    private static void writeProblem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail)
            throws java.io.IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), ApiExceptionHandler.problem(status, detail).getBody());
    }
}

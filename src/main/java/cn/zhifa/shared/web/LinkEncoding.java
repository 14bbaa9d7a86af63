package cn.zhifa.shared.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Page links ({@code th:href="@{…}"}) are written as given, without Spring's resource URL rewriting.
 * <p>
 * With webjars-locator-lite on the class path Spring Boot enables the resource chain and, with it, a
 * {@link ResourceUrlEncodingFilter} that passes every link a template builds through the static resource resolvers.
 * Static resources are served under {@code /**}, so a link to a page ({@code /hazards/4711}) is looked up as a
 * classpath resource in four locations, through every jar on the class path, and the miss is not cached: each row of a
 * list paid a few hundred jar look-ups per link. It was more than half the CPU of the 隐患 register page (JFR, issue 18),
 * and grew with the rows. Nothing needs the rewriting: no versioned-URL strategy is configured, and a version-less
 * {@code /webjars/…} path is still resolved by the resource handler when it is requested.
 */
@Configuration(proxyBeanMethods = false)
class LinkEncoding {

    /** Registered but disabled: Boot's own registration backs off when one exists. */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration = new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}

package cn.zhifa.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.WebUtils;

/**
 * Guards in front of the application against requests the container or a filter cannot parse, so that they are a
 * Chinese 400 (or 413/411) instead of a 500 (issue 14):
 * <ul>
 * <li>the size of a multipart request is checked per endpoint from its {@code Content-Length} before anything reads
 *     it (before security, which reads form parameters for CSRF) — {@link UploadLimits};</li>
 * <li>a multipart request is parsed once after security (so anonymous API calls are refused first): an empty or
 *     missing boundary, an unparsable body or a file name with control characters (NUL) is refused;</li>
 * <li>a malformed form body on PUT/PATCH/DELETE (parsed by Spring's {@code FormContentFilter} on any URL) is a 400.</li>
 * </ul>
 * The refusal is answered at once: a problem detail with a Chinese {@code detail} for the API, a Chinese page otherwise.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

    private static final Logger log = LoggerFactory.getLogger(RequestGuards.class);

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> uploadSizeGuard(UploadLimits limits) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new UploadSizeGuard(limits));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        registration.setName("uploadSizeGuard");
        return registration;
    }

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> multipartGuard(@Value("${spring.security.filter.order:-100}") int securityOrder) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new MultipartGuard());
        registration.setOrder(securityOrder + 1);
        registration.setName("multipartGuard");
        return registration;
    }

    /** Replaces Boot's {@code formContentFilter}: the same parsing, but a malformed body is a 400. */
    @Bean
    OrderedFormContentFilter guardedFormContentFilter() {
        return new OrderedFormContentFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ParseCheck parsed = new ParseCheck();
                try {
                    super.doFilterInternal(request, response, parsed);
                } catch (IllegalArgumentException | HttpMessageNotReadableException malformed) {
                    if (parsed.reached) {
                        throw malformed;
                    }
                    refuse(request, response, HttpStatus.BAD_REQUEST, "请求内容格式有误（表单编码无法解析），未作任何处理。");
                    return;
                }
                if (parsed.reached) {
                    chain.doFilter(parsed.request, parsed.response);
                }
            }
        };
    }

    /** Records where the form filter would continue, so the rest of the chain runs outside its try. */
    private static final class ParseCheck implements FilterChain {
        boolean reached;
        jakarta.servlet.ServletRequest request;
        jakarta.servlet.ServletResponse response;

        @Override
        public void doFilter(jakarta.servlet.ServletRequest request, jakarta.servlet.ServletResponse response) {
            this.reached = true;
            this.request = request;
            this.response = response;
        }
    }

    /** A multipart request the container has still to parse (not one a test or a resolver already parsed). */
    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/")
                && WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null;
    }

    /**
     * Answers at once — a problem detail for the API, a short Chinese page otherwise — and closes the connection.
     * Not through the container's error dispatch: that would parse the broken multipart body again (or wait for an
     * oversized body the client is still sending).
     */
    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        log.info("refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), status.value(), detail);
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(status.value());
        response.setHeader("Connection", "close");
        response.setCharacterEncoding("UTF-8");
        String accept = String.valueOf(request.getHeader("Accept"));
        if (pathOf(request).startsWith("/api/") || (accept.contains("json") && !accept.contains("html"))) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + ApiExceptionHandler.titleOf(status)
                    + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail.replace("\"", "'") + "\",\"instance\":\""
                    + pathOf(request).replaceAll("[^A-Za-z0-9/_.-]", "") + "\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\">"
                    + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>"
                    + ApiExceptionHandler.titleOf(status) + " - 执法平台</title></head><body style=\"font-family:sans-serif;"
                    + "margin:2rem auto;max-width:36rem;padding:0 1rem\"><h1 style=\"font-size:1.3rem\">"
                    + ApiExceptionHandler.titleOf(status) + "</h1><p>" + HtmlUtils.htmlEscape(detail)
                    + "</p><p><a href=\"/\">返回首页</a></p></body></html>");
        }
        response.flushBuffer();
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Refuses an oversized multipart request from its declared length, before anyone reads the body. */
    static final class UploadSizeGuard extends OncePerRequestFilter {
        private final UploadLimits limits;

        /** The endpoint's limit when the request did not declare its length (checked again once parsed). */
        static final String LIMIT = UploadSizeGuard.class.getName() + ".limit";

        UploadSizeGuard(UploadLimits limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String query = request.getQueryString();
            if (query != null && query.toLowerCase().contains("%00")) {
                // no parameter may carry NUL: PostgreSQL text cannot hold it, and a search with it failed with a 500
                refuse(request, response, HttpStatus.BAD_REQUEST, "请求参数含有不允许的空字符，未作任何处理。");
                return;
            }
            if (!isMultipart(request)) {
                chain.doFilter(request, response);
                return;
            }
            String path = pathOf(request);
            DataSize limit = limits.limitOf(path);
            long length = request.getContentLengthLong();
            // without a declared length (chunked) the parts are measured once parsed, in MultipartGuard
            if (length > limit.toBytes()) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, limits.labelOf(path) + "超过上限 "
                        + UploadLimits.readable(limit) + "，未作任何处理。请压缩或拆分后重新上传。");
                return;
            }
            if (length < 0) {
                request.setAttribute(LIMIT, limit);
            }
            if (path.startsWith("/api/")) {
                // the API is parsed after authentication (MultipartGuard); a missing boundary needs no parsing
                if (MultipartGuard.missingBoundary(request)) {
                    refuse(request, response, HttpStatus.BAD_REQUEST, MultipartGuard.NO_BOUNDARY);
                    return;
                }
                chain.doFilter(request, response);
            } else {
                // pages: security's CSRF check reads the form (and so parses it) anyway, so it is checked first here
                PAGES.doFilter(request, response, chain);
            }
        }

        private static final MultipartGuard PAGES = new MultipartGuard();
    }

    /** Parses a multipart request once and refuses what cannot be parsed or names a file with control characters. */
    static final class MultipartGuard extends OncePerRequestFilter {
        @Override
        protected String getAlreadyFilteredAttributeName() {
            return MultipartGuard.class.getName() + ".FILTERED";
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!isMultipart(request)) {
                chain.doFilter(request, response);
                return;
            }
            if (!request.getContentType().toLowerCase().startsWith(MediaType.MULTIPART_FORM_DATA_VALUE)
                    && !request.getContentType().toLowerCase().startsWith("multipart/mixed")) {
                chain.doFilter(request, response);
                return;
            }
            if (missingBoundary(request)) {
                refuse(request, response, HttpStatus.BAD_REQUEST, NO_BOUNDARY);
                return;
            }
            try {
                long total = 0;
                for (Part part : request.getParts()) {
                    total += part.getSize();
                }
                if (request.getAttribute(UploadSizeGuard.LIMIT) instanceof DataSize limit && total > limit.toBytes()) {
                    refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "上传内容超过上限 " + UploadLimits.readable(limit)
                            + "，未作任何处理。请压缩或拆分后重新上传。");
                    return;
                }
                for (Part part : request.getParts()) {
                    String name = part.getSubmittedFileName();
                    if (name != null && name.chars().anyMatch(c -> c < 0x20 || c == 0x7F)) {
                        refuse(request, response, HttpStatus.BAD_REQUEST, "上传文件的文件名含有不允许的控制字符，未作任何处理。请重命名后重新上传。");
                        return;
                    }
                }
            } catch (IllegalStateException tooLarge) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "上传内容超过上限，未作任何处理。");
                return;
            } catch (IOException | ServletException | RuntimeException malformed) {
                String message = String.valueOf(malformed.getMessage()).toLowerCase();
                if (message.contains("exceed") || message.contains("too large")) {
                    refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, "上传内容超过上限，未作任何处理。");
                } else {
                    refuse(request, response, HttpStatus.BAD_REQUEST, "上传请求格式有误，无法解析（分隔符、文件名或内容不合规范），未作任何处理。");
                }
                return;
            }
            chain.doFilter(request, response);
        }

        static final String NO_BOUNDARY = "上传请求格式有误（缺少分隔符 boundary），未作任何处理。";

        static boolean missingBoundary(HttpServletRequest request) {
            String boundary = boundaryOf(request.getContentType());
            return boundary == null || boundary.isBlank();
        }

        private static String boundaryOf(String contentType) {
            for (String parameter : contentType.split(";")) {
                String p = parameter.strip();
                if (p.toLowerCase().startsWith("boundary=")) {
                    String value = p.substring("boundary=".length()).strip();
                    if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                        value = value.substring(1, value.length() - 1);
                    }
                    return value;
                }
            }
            return null;
        }
    }
}

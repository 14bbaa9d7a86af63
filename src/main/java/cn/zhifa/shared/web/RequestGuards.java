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
 * The refusal goes through the container's error page ({@link ErrorPages}): a Chinese page or a problem detail.
 */
@Configuration(proxyBeanMethods = false)
class RequestGuards {

    private static final Logger log = LoggerFactory.getLogger(RequestGuards.class);

    /** The Chinese detail the error page shows for a refusal made before any controller ran. */
    static final String DETAIL = "cn.zhifa.error.detail";

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

    static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase().startsWith("multipart/");
    }

    static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        request.setAttribute(DETAIL, detail);
        log.info("refused {} {}: {} {}", request.getMethod(), request.getRequestURI(), status.value(), detail);
        if (!response.isCommitted()) {
            response.sendError(status.value(), detail);
        }
    }

    private static String pathOf(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String context = request.getContextPath();
        return context != null && !context.isEmpty() && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    /** Refuses an oversized multipart request from its declared length, before anyone reads the body. */
    static final class UploadSizeGuard extends OncePerRequestFilter {
        private final UploadLimits limits;

        UploadSizeGuard(UploadLimits limits) {
            this.limits = limits;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!isMultipart(request)) {
                chain.doFilter(request, response);
                return;
            }
            String path = pathOf(request);
            DataSize limit = limits.limitOf(path);
            long length = request.getContentLengthLong();
            if (length < 0) {
                refuse(request, response, HttpStatus.LENGTH_REQUIRED, "上传请求须注明内容长度（Content-Length），未作任何处理。");
                return;
            }
            if (length > limit.toBytes()) {
                refuse(request, response, HttpStatus.CONTENT_TOO_LARGE, limits.labelOf(path) + "超过上限 "
                        + UploadLimits.readable(limit) + "，未作任何处理。请压缩或拆分后重新上传。");
                return;
            }
            chain.doFilter(request, response);
        }
    }

    /** Parses a multipart request once and refuses what cannot be parsed or names a file with control characters. */
    static final class MultipartGuard extends OncePerRequestFilter {
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
            String boundary = boundaryOf(request.getContentType());
            if (boundary == null || boundary.isBlank()) {
                refuse(request, response, HttpStatus.BAD_REQUEST, "上传请求格式有误（缺少分隔符 boundary），未作任何处理。");
                return;
            }
            try {
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
                    refuse(request, response, HttpStatus.BAD_REQUEST, "上传请求格式有误，无法解析，未作任何处理。");
                }
                return;
            }
            chain.doFilter(request, response);
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

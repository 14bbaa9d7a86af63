package cn.zhifa.shared.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.storage.StorageUnavailable;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.converter.HttpMessageNotReadableException;

/**
 * Every API error is an RFC 9457 problem detail with a Chinese {@code detail}; no stack traces.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(RuleViolation.class)
    ResponseEntity<ProblemDetail> ruleViolation(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return problem(status, violation.getMessage());
    }

    /** The evidence store is unreachable: nothing was kept; 503, the client may retry (issue 18). */
    @ExceptionHandler(StorageUnavailable.class)
    ResponseEntity<ProblemDetail> storageUnavailable(StorageUnavailable unavailable) {
        log.warn("storage unavailable: {}", unavailable.getCause() == null ? "" : unavailable.getCause().getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(OptimisticLockingFailureException e) {
        return problem(HttpStatus.CONFLICT, "该记录已被他人修改，请刷新后重试。");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> integrity(DataIntegrityViolationException e) {
        log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, "数据与已有记录冲突（可能重复），未作任何修改。");
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraint(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> v.getPropertyPath() + "：" + v.getMessage())
                .sorted().collect(Collectors.joining("；"));
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误：" + detail);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "请求参数有误：" + e.getMessage());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, chineseDetail(ex, status));
        problem.setTitle(titleOf(status));
        return ResponseEntity.status(status).headers(headers).body(problem);
    }

    private static String chineseDetail(Exception ex, HttpStatusCode status) {
        if (ex instanceof MethodArgumentNotValidException invalid) {
            return "请求内容有误：" + invalid.getBindingResult().getFieldErrors().stream()
                    .map(error -> error.getField() + "：" + error.getDefaultMessage())
                    .sorted().collect(Collectors.joining("；"));
        }
        if (ex instanceof HandlerMethodValidationException invalid) {
            return "请求参数有误：" + invalid.getParameterValidationResults().stream()
                    .map(ApiExceptionHandler::describe)
                    .collect(Collectors.joining("；"));
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return "缺少必填参数 " + missing.getParameterName() + "。";
        }
        if (ex instanceof MissingRequestHeaderException missing) {
            return "缺少请求头 " + missing.getHeaderName() + "。";
        }
        if (ex instanceof MissingPathVariableException missing) {
            return "缺少路径参数 " + missing.getVariableName() + "。";
        }
        if (ex instanceof MethodArgumentTypeMismatchException mismatch) {
            return "参数 " + mismatch.getName() + " 的值“" + mismatch.getValue() + "”格式不正确。";
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return "参数 " + mismatch.getPropertyName() + " 的值“" + mismatch.getValue() + "”格式不正确。";
        }
        if (ex instanceof HttpMessageNotReadableException) {
            return "请求内容无法解析，请检查 JSON 格式与字段类型。";
        }
        if (ex instanceof NoResourceFoundException) {
            return "请求的资源不存在。";
        }
        if (ex instanceof HttpRequestMethodNotSupportedException notSupported) {
            return "不支持 " + notSupported.getMethod() + " 请求。";
        }
        return titleOf(status);
    }

    private static String describe(ParameterValidationResult result) {
        String name = result.getMethodParameter().getParameterName();
        return name + "：" + result.getResolvableErrors().stream()
                .map(error -> error.getDefaultMessage()).collect(Collectors.joining("，"));
    }

    public static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(titleOf(status));
        problem.setType(URI.create("about:blank"));
        return ResponseEntity.status(status).body(problem);
    }

    public static String titleOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "请求有误";
            case 401 -> "未登录或登录已失效";
            case 403 -> "无权访问";
            case 404 -> "资源不存在";
            case 405 -> "请求方法不支持";
            case 409 -> "数据冲突";
            case 413 -> "内容过大";
            case 415 -> "内容类型不支持";
            case 422 -> "操作被拒绝";
            case 423 -> "账号已锁定";
            case 429 -> "请求过于频繁";
            case 503 -> "服务暂不可用";
            default -> status.is5xxServerError() ? "系统内部错误" : "请求未能完成";
        };
    }
}

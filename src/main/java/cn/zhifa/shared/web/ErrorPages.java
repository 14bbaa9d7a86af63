package cn.zhifa.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page: a Chinese page for browsers, a problem detail for the API, never a
 * stack trace.
 */
@Controller
public class ErrorPages implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) {
        HttpStatus status = statusOf(request);
        if (isApi(request)) {
            return null;
        }
        response.setStatus(status.value());
        return page(status, null);
    }

    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        return ApiExceptionHandler.problem(status, messageOf(status));
    }

    public static ModelAndView page(HttpStatus status, String message) {
        // not "title"/"message": the layout's fragment parameter and its success box use those names
        ModelAndView view = new ModelAndView("error/page", Map.of(
                "errorStatus", status.value(),
                "errorTitle", ApiExceptionHandler.titleOf(status),
                "errorMessage", message != null ? message : messageOf(status)));
        view.setStatus(status);
        return view;
    }

    static String messageOf(HttpStatus status) {
        return switch (status.value()) {
            case 400 -> "请求有误，请检查填写的内容后重试。";
            case 401 -> "请先登录。";
            case 403 -> "您没有访问该页面或执行该操作的权限。如需开通，请联系本单位系统管理员。";
            case 404 -> "您访问的页面不存在，可能已被删除或地址有误。";
            case 405 -> "不支持该请求方式。";
            case 413 -> "上传的内容过大。";
            default -> status.is5xxServerError()
                    ? "系统暂时无法完成您的请求，已记录该问题。请稍后重试，或联系系统管理员。"
                    : "请求未能完成。";
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }
}

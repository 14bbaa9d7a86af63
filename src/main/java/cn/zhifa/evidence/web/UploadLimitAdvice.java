package cn.zhifa.evidence.web;

import cn.zhifa.shared.web.ApiExceptionHandler;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.json.JacksonJsonView;

/**
 * A file beyond Spring's multipart limit (e.g. 2 GB) is refused before any handler runs: a Chinese
 * problem detail for the API, the Chinese error page for pages. Nothing is stored.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitAdvice {

    static final String MESSAGE = "上传的文件超过系统允许的最大大小（照片、录音、视频各有上限，单个文件最大约 1 GB），未保存。"
            + "请压缩或分段后再上传。";

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(HttpServletRequest request) {
        HttpStatus status = HttpStatus.CONTENT_TOO_LARGE;
        if (request.getRequestURI().startsWith("/api/")) {
            ModelAndView view = new ModelAndView(new JacksonJsonView(), Map.of(
                    "type", "about:blank", "title", ApiExceptionHandler.titleOf(status), "status", status.value(),
                    "detail", MESSAGE));
            view.setStatus(status);
            return view;
        }
        return cn.zhifa.shared.web.ErrorPages.page(status, MESSAGE);
    }
}

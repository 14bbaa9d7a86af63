package cn.zhifa.shared.web;

import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.storage.StorageUnavailable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A refusal that a page controller did not turn into a form message is shown on the Chinese error
 * page with its reason. Form pages should rather catch {@link RuleViolation} and show it beside the form.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

    @ExceptionHandler(RuleViolation.class)
    ModelAndView refused(RuleViolation violation) {
        HttpStatus status = switch (violation.kind()) {
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT -> HttpStatus.CONFLICT;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
        return ErrorPages.page(status, violation.getMessage());
    }

    /** The evidence store is unreachable and the page did not show it beside its form: 503 with the same words. */
    @ExceptionHandler(StorageUnavailable.class)
    ModelAndView storageUnavailable(StorageUnavailable unavailable) {
        return ErrorPages.page(HttpStatus.SERVICE_UNAVAILABLE, unavailable.getMessage());
    }

    @ExceptionHandler(OptimisticLockingFailureException.class)
    ModelAndView concurrentChange() {
        return ErrorPages.page(HttpStatus.CONFLICT, "该记录已被他人修改，请返回刷新后重试。");
    }
}

package cn.zhifa.shared.security;

import org.springframework.security.access.AccessDeniedException;

/** A role refused an {@link Action}: HTTP 403 with a Chinese reason, audited as refused. */
public class ActionDenied extends AccessDeniedException {

    public ActionDenied(Action action) {
        super("当前账号无权执行此操作：" + action.label() + "。");
    }

    public ActionDenied(String reason) {
        super(reason);
    }
}

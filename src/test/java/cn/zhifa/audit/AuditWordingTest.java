package cn.zhifa.audit;

import static org.assertj.core.api.Assertions.assertThat;

import cn.zhifa.audit.internal.AuditWording;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class AuditWordingTest {

    @Test
    void a_request_without_a_named_action_is_named_in_chinese_never_by_its_path() {
        assertThat(AuditWording.action("POST", "/api/v1/hazards/{id}/closure")).isEqualTo("隐患销号（接口）");
        assertThat(AuditWording.action("POST", "/somewhere/new")).isEqualTo("提交操作");
        assertThat(AuditWording.shownAction("POST /api/v1/cases")).isEqualTo("案件来源登记（接口）");
        assertThat(AuditWording.shownAction("案件办理：立案")).isEqualTo("案件办理：立案");
    }

    @Test
    void a_failure_reads_as_a_reason_never_as_an_exception_name() {
        assertThat(AuditWording.failure(new AccessDeniedException("Access Denied"), 403)).isEqualTo("无权执行该操作");
        assertThat(AuditWording.failure(new IllegalStateException("secret internal detail"), 500)).isEqualTo("系统处理失败");
        assertThat(AuditWording.failure(null, 422)).isEqualTo("不符合办理条件");
        assertThat(AuditWording.shownDetail("AccessDeniedException: Access Denied")).isEqualTo("无权执行该操作");
        assertThat(AuditWording.shownDetail("HTTP 404")).isEqualTo("对象不存在");
        assertThat(AuditWording.shownDetail("RuleViolation: 请填写案由。")).isEqualTo("不符合办理条件：请填写案由。");
        assertThat(AuditWording.shownDetail("被拒绝：请填写案由。")).isEqualTo("被拒绝：请填写案由。");
    }
}

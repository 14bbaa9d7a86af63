package cn.zhifa.audit.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The audit log in words an auditor reads: a Chinese action name for a request that names none (never its URL path),
 * and a Chinese reason for a failure (never an exception's class name). Used when a record is written and when older
 * records, written before, are shown.
 */
public final class AuditWording {

    private static final Pattern REQUEST = Pattern.compile("^(POST|PUT|PATCH|DELETE) (\\S+)$");
    private static final Pattern EXCEPTION = Pattern.compile("^([A-Za-z]+(?:Exception|Error|Violation))(?:: ?(.*))?$", Pattern.DOTALL);
    private static final Pattern HAN = Pattern.compile("[\\u4e00-\\u9fff]");
    private static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        ACTIONS.put("/api/v1/inspection/tasks", "新建检查任务");
        ACTIONS.put("/api/v1/inspection/tasks/{id}/notice", "登记执法检查告知书送达");
        ACTIONS.put("/api/v1/inspection/records", "提交现场检查记录");
        ACTIONS.put("/api/v1/inspection/records/{id}/documents", "出具检查文书");
        ACTIONS.put("/hazard-report/{token}", "企业自报隐患");
        ACTIONS.put("/api/v1/hazards", "登记隐患");
        ACTIONS.put("/api/v1/hazards/{id}/rectification", "提交隐患整改");
        ACTIONS.put("/api/v1/hazards/{id}/reinspection", "隐患复查");
        ACTIONS.put("/api/v1/hazards/{id}/confirmation", "确认企业自报隐患");
        ACTIONS.put("/api/v1/hazards/{id}/closure", "隐患销号");
        ACTIONS.put("/api/v1/hazards/report-links", "生成企业自报链接");
        ACTIONS.put("/api/v1/hazards/{id}/supervision", "挂牌督办");
        ACTIONS.put("/api/v1/cases", "案件来源登记");
        ACTIONS.put("/api/v1/cases/on-the-spot", "当场处罚");
        ACTIONS.put("/api/v1/cases/{id}/discretion", "裁量试算");
        ACTIONS.put("/api/v1/cases/meetings", "登记案审会");
        ACTIONS.put("/api/v1/enterprises", "新增企业");
        ACTIONS.put("/api/v1/auth/token", "接口登录（获取令牌）");
        ACTIONS.put("/api/v1/users", "新增用户");
        ACTIONS.put("/api/v1/evidence", "上传证据");
        ACTIONS.put("/verify/{code}", "公众核对文书文件");
        ACTIONS.put("/admin/law/holidays", "登记节假日安排");
        ACTIONS.put("/logout", "退出登录");
    }

    private AuditWording() {
    }

    /** The action for a request without a named action: its Chinese name, "（接口）" for the API. */
    public static String action(String method, String pattern) {
        String name = ACTIONS.get(pattern);
        boolean api = pattern != null && pattern.startsWith("/api/");
        if (name == null) {
            name = switch (method) {
                case "DELETE" -> "删除";
                case "PUT", "PATCH" -> "修改";
                default -> "提交";
            };
            name += "操作";
        }
        return api ? name + "（接口）" : name;
    }

    /** A stored action as shown: the "POST /path" of older records becomes its Chinese name. */
    public static String shownAction(String action) {
        if (action == null) {
            return "";
        }
        Matcher request = REQUEST.matcher(action);
        return request.matches() ? action(request.group(1), request.group(2)) : action;
    }

    /** Why a request failed, in Chinese. */
    public static String failure(Exception ex, int status) {
        return ex != null ? exception(ex.getClass().getSimpleName(), ex.getMessage()) : status(status);
    }

    /** A stored detail as shown: exception class names and bare HTTP codes of older records in words. */
    public static String shownDetail(String detail) {
        if (detail == null) {
            return "";
        }
        if (detail.matches("^HTTP \\d{3}$")) {
            return status(Integer.parseInt(detail.substring(5)));
        }
        Matcher exception = EXCEPTION.matcher(detail);
        return exception.matches() ? exception(exception.group(1), exception.group(2)) : detail;
    }

    private static String exception(String name, String message) {
        String reason = switch (name) {
            case "AccessDeniedException", "AuthorizationDeniedException" -> "无权执行该操作";
            case "RuleViolation" -> "不符合办理条件";
            case "MethodArgumentNotValidException", "BindException", "ConstraintViolationException",
                 "HttpMessageNotReadableException", "MissingServletRequestParameterException",
                 "MethodArgumentTypeMismatchException" -> "提交的内容有误";
            case "OptimisticLockingFailureException" -> "记录已被他人修改";
            case "DataIntegrityViolationException", "DuplicateKeyException" -> "与已有记录冲突";
            case "MaxUploadSizeExceededException" -> "上传内容过大";
            default -> "系统处理失败";
        };
        return message != null && HAN.matcher(message).find() && !message.equals(reason) ? reason + "：" + message : reason;
    }

    private static String status(int status) {
        return switch (status) {
            case 400 -> "请求有误";
            case 401 -> "未登录";
            case 403 -> "无权执行该操作";
            case 404 -> "对象不存在";
            case 409 -> "与已有记录冲突";
            case 413 -> "上传内容过大";
            case 422 -> "不符合办理条件";
            default -> status >= 500 ? "系统处理失败" : "请求未完成";
        };
    }

    /** A moment as the auditor reads it (Beijing time, to the second). */
    public static String time(java.time.Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Shanghai")).format(at);
    }
}

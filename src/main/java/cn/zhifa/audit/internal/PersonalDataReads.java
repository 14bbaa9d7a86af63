package cn.zhifa.audit.internal;

import java.util.Map;
import java.util.Optional;

/**
 * The reads that disclose personal data and are therefore audited like a change (个人信息查阅留痕): the one
 * list, kept here rather than in each controller. Keys are the handler's URL pattern.
 */
final class PersonalDataReads {

    /** What was read: the audit action and the kind of record. */
    record Read(String action, String targetType) {
    }

    private static final Read EVIDENCE = new Read("调阅证据文件", "证据");
    private static final Read DOCUMENT = new Read("下载文书", "文书");
    private static final Read CASE = new Read("查阅案件（含当事人身份证号码）", "案件");

    private static final Read EMERGENCY_PHONE = new Read("查看应急台账联系电话", "应急管理台账");
    private static final Read FIRM_PHONE = new Read("查看企业法定代表人电话", "企业");
    /** The field terminal takes the contacts' phones of the firms of the officer's own open tasks along, in full. */
    private static final Read OFFLINE_FIRMS = new Read("下载离线包（企业联系人电话）", "离线包");

    private static final Map<String, Read> READS = Map.ofEntries(
            Map.entry("/emergency/{register}/{id}/phone", EMERGENCY_PHONE),
            Map.entry("/api/v1/emergency/{register}/{id}/phone", EMERGENCY_PHONE),
            Map.entry("/evidence/{id}/content", EVIDENCE),
            Map.entry("/api/v1/evidence/{id}/content", EVIDENCE),
            Map.entry("/documents/{id}/pdf", DOCUMENT),
            Map.entry("/documents/{id}/docx", DOCUMENT),
            Map.entry("/api/v1/documents/{id}/pdf", DOCUMENT),
            Map.entry("/api/v1/documents/{id}/docx", DOCUMENT),
            Map.entry("/cases/{id}", CASE),
            Map.entry("/api/v1/cases/{id}", CASE),
            Map.entry("/registry/enterprises/{id}/phone", FIRM_PHONE),
            Map.entry("/api/v1/enterprises/{id}/phone", FIRM_PHONE),
            Map.entry("/api/v1/offline/firms", OFFLINE_FIRMS));

    private PersonalDataReads() {
    }

    static Optional<Read> of(String method, Object pattern) {
        return "GET".equals(method) && pattern != null ? Optional.ofNullable(READS.get(pattern.toString())) : Optional.empty();
    }
}

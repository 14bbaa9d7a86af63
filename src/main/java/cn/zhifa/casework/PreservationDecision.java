package cn.zhifa.casework;

import cn.zhifa.shared.RuleViolation;
import java.util.Arrays;

/**
 * What may be decided about evidence registered and preserved in advance (先行登记保存, 行政处罚法第五十六条), as the
 * 先行登记保存证据处理决定书 of the 安全生产行政执法文书 lists it: keep it as evidence by recording or copying, send it
 * for inspection or appraisal, take a 查封/扣押 under the law, transfer it with the matter to the competent authority,
 * or release it to the party.
 */
public enum PreservationDecision {
    RECORDED("采取记录、复制、拍照、录像等证据保全措施后解除"),
    APPRAISAL("送交检验、检测或者鉴定"),
    SEIZURE("依法采取查封、扣押等行政强制措施"),
    TRANSFER("移送有关机关处理"),
    RELEASED("解除先行登记保存，返还当事人");

    private final String label;

    PreservationDecision(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The decision named by its code (as the form and the API send it), or a Chinese refusal. */
    public static PreservationDecision parse(String code) {
        if (code == null || code.isBlank()) throw new RuleViolation("请选择先行登记保存证据的处理决定。");
        return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(code.strip()) || d.label.equals(code.strip()))
                .findFirst().orElseThrow(() -> new RuleViolation("处理决定“" + code.strip() + "”不在可选范围内，请重新选择。"));
    }
}

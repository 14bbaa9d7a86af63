package cn.zhifa.casework;

import java.util.List;
import java.util.Map;

/**
 * What an officer enters for a structured case record (询问笔录, 勘验笔录, 送达回执 …), from the phone form or the
 * API: the named fields, the question/answer rows, the preserved items, the drawn signatures by signature area (PNG
 * data URLs from the signature pads) and the recorded refusals to sign by area. Multi-valued fields (ticked boxes,
 * served documents) are joined with line breaks.
 */
public record RecordInput(Map<String, String> fields, List<QuestionAnswer> answers, List<Item> items,
                          Map<String, String> signatures, Map<String, Refusal> refusals, String idempotencyKey) {

    public RecordInput {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        answers = answers == null ? List.of() : List.copyOf(answers);
        items = items == null ? List.of() : List.copyOf(items);
        signatures = signatures == null ? Map.of() : Map.copyOf(signatures);
        refusals = refusals == null ? Map.of() : Map.copyOf(refusals);
    }

    /** One 问 and its 答 of an 询问笔录. */
    public record QuestionAnswer(String question, String answer) {
    }

    /** One row of the 先行登记保存证据清单: 名称, 规格型号, 数量, 存放地点. */
    public record Item(String name, String spec, String quantity, String location) {
    }

    /** A refusal to sign (拒绝签名) with its circumstances and the witness. */
    public record Refusal(String reason, String witness) {
    }

    /** The stripped value of a field, or null when blank. */
    public String field(String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

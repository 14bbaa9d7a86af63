package cn.zhifa.emergency.internal;

import java.util.Map;

/**
 * One row of a register as pages show it: the typed values by column, the same values as the page shows them
 * ({@code shown}: dates ISO, a plan or firm by its name, phones in full) and, in lists and exports, masked
 * ({@code listed}: phones as 138****1234). {@code status} is the plan's evaluation or the policy's term, when the
 * register has one.
 */
public record Entry(long id, long organizationId, String unitName, int version, String name,
                    Map<String, Object> values, Map<String, String> shown, Map<String, String> listed,
                    String status, String statusTone, Long cardEvidenceId) {

    public String show(String column) {
        return shown.getOrDefault(column, "");
    }

    public String list(String column) {
        return listed.getOrDefault(column, "");
    }
}

package cn.zhifa.planning;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;

/** The result of a draw: the drawn firms in draw order, each with its team (and joint inspectors). */
public record DrawOutcome(List<Assignment> assignments) {

    public record Assignment(long firmId, List<Long> officers, List<Long> jointInspectors) {
    }

    public DrawOutcome {
        assignments = List.copyOf(assignments);
    }

    /** One line per firm, ‘firm:officer,officer;joint,joint’. */
    public String canonical() {
        StringBuilder text = new StringBuilder(assignments.size() * 24);
        for (Assignment a : assignments) {
            text.append(a.firmId()).append(':');
            join(text, a.officers());
            text.append(';');
            join(text, a.jointInspectors());
            text.append('\n');
        }
        return text.toString();
    }

    public String hash() {
        return HexFormat.of().formatHex(DeterministicRandom.sha256().digest(canonical().getBytes(StandardCharsets.UTF_8)));
    }

    private static void join(StringBuilder text, List<Long> ids) {
        for (int i = 0; i < ids.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(ids.get(i));
        }
    }
}

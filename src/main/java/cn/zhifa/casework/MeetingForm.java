package cn.zhifa.casework;

import java.util.List;

/** A 案审会 to record: participants, each one's opinion, the conclusion, the cases discussed. */
public record MeetingForm(String topic, String chair, String participants, String opinions, String conclusion,
                          List<Long> caseIds) {
}

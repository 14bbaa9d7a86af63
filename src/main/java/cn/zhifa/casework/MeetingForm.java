package cn.zhifa.casework;

import java.util.List;

/**
 * A 案审会 to record: participants, each one's opinion, the conclusion, the cases discussed, and where and when it
 * sat (printed on each case's 行政处罚集体讨论记录).
 */
public record MeetingForm(String topic, String chair, String participants, String opinions, String conclusion,
                          List<Long> caseIds, String place, java.time.LocalDateTime startTime,
                          java.time.LocalDateTime endTime) {

    public MeetingForm(String topic, String chair, String participants, String opinions, String conclusion,
                       List<Long> caseIds) {
        this(topic, chair, participants, opinions, conclusion, caseIds, null, null, null);
    }
}

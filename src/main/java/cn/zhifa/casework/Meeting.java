package cn.zhifa.casework;

import java.time.LocalDate;
import java.util.List;

/** A 案审会 (集体讨论) meeting record with the cases it decided. */
public record Meeting(long id, long organizationId, LocalDate heldOn, String topic, String chair, String participants,
                      String opinions, String conclusion, String recorderName, List<String> caseNumbers) {
}

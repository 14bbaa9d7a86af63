package cn.zhifa.casework;

import java.time.LocalDate;

/** A 案审会 (集体讨论) was recorded: the unit that held it and the day, keyed by the meeting. */
public record MeetingHeld(long meetingId, long organizationId, LocalDate heldOn) {
}

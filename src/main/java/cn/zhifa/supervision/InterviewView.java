package cn.zhifa.supervision;

import java.time.LocalDate;

/** A 约谈 record: which unit, when, who was talked to, why, and what they committed to. */
public record InterviewView(long id, long organizationId, String unitName, LocalDate heldOn, String interviewees,
                            String reason, String commitments) {
}

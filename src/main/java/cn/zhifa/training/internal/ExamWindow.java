package cn.zhifa.training.internal;

import cn.zhifa.shared.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * 考试时限, kept by the server: an attempt starts when the officer opens the paper (within the paper's dates) and must be
 * handed in by {@code start + limit}; a submission after that (plus a small grace for the network) is refused.
 */
record ExamWindow(LocalDate opensOn, LocalDate closesOn, Duration limit, Duration grace) {

    Verdict mayStart(LocalDate today) {
        if (today.isBefore(opensOn)) {
            return Verdict.refuse("考试尚未开始（" + opensOn + " 开考）。");
        }
        if (today.isAfter(closesOn)) {
            return Verdict.refuse("考试已于 " + closesOn + " 结束。");
        }
        return Verdict.allow();
    }

    Instant deadline(Instant startedAt) {
        return startedAt.plus(limit);
    }

    static Verdict maySubmit(Instant deadline, Instant submittedAt, Duration grace, boolean alreadySubmitted) {
        if (alreadySubmitted) {
            return Verdict.refuse("试卷已交，不能再次提交。");
        }
        if (submittedAt.isAfter(deadline.plus(grace))) {
            return Verdict.refuse("已超过考试时限，答卷未被接收。");
        }
        return Verdict.allow();
    }
}

package cn.zhifa.training.internal;

import cn.zhifa.registry.CertificateIssueCondition;
import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/** 执法证 only after a passed 执法证 exam within the configured validity ({@code zhifa.training.certificate-exam-validity}). */
@Component
class CertificateExamCondition implements CertificateIssueCondition {

    private final Exams exams;

    CertificateExamCondition(Exams exams) {
        this.exams = exams;
    }

    @Override
    public Verdict mayIssue(long userId, LocalDate on) {
        return exams.passedCertificateExam(userId, on);
    }
}

package cn.zhifa.registry;

import cn.zhifa.shared.Verdict;
import java.time.LocalDate;

/**
 * A condition another module sets on issuing a 行政执法证 (e.g. training: a passed 执法证 exam within its validity),
 * asked by {@link CertificatePolicy#mayIssue} so the registry need not depend on that module.
 */
public interface CertificateIssueCondition {

    Verdict mayIssue(long userId, LocalDate on);
}

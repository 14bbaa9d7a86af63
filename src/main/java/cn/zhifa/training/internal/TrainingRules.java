package cn.zhifa.training.internal;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The exam numbers from {@code zhifa.training} (application.yml): the pass mark, how long a passed 执法证 exam counts
 * for issuing a certificate, and the grace after the time limit. Local practice, not statute (marked unconfirmed there).
 */
@ConfigurationProperties("zhifa.training")
public record TrainingRules(BigDecimal passMark, Period certificateExamValidity, Duration lateGrace, String source) {

    public TrainingRules {
        passMark = passMark == null ? new BigDecimal("60") : passMark;
        certificateExamValidity = certificateExamValidity == null ? Period.ofYears(1) : certificateExamValidity;
        lateGrace = lateGrace == null ? Duration.ofSeconds(30) : lateGrace;
    }
}

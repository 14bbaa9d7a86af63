package cn.zhifa.training.internal;

import cn.zhifa.registry.EnterpriseProfileSection;
import cn.zhifa.registry.OfficerPageSection;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The officer's 学习培训档案 on the certificate page: sessions and hours, exams with their scores, awards. */
@Component
class LearningRecordSection implements OfficerPageSection {

    private final TrainingLog log;
    private final Exams exams;
    private final Clock clock;

    LearningRecordSection(TrainingLog log, Exams exams, Clock clock) {
        this.log = log;
        this.exams = exams;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<EnterpriseProfileSection.Block> blockFor(long userId) {
        List<TrainingLog.Session> sessions = log.sessionsOf(userId);
        List<Exams.Attempt> attempts = exams.of(userId);
        List<TrainingLog.Award> awards = log.awardsOf(userId);
        BigDecimal hours = sessions.stream().map(TrainingLog.Session::hours).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<String> lines = new ArrayList<>();
        sessions.forEach(s -> lines.add("培训 " + s.startsOn() + " " + s.topic() + "（" + s.hours().stripTrailingZeros().toPlainString() + " 学时）"));
        attempts.forEach(a -> lines.add("考试 " + a.paperTitle() + "：" + (a.submitted() ? a.score() + " 分，" : "") + a.standing(clock.instant())));
        awards.forEach(a -> lines.add("获奖 " + a.winner() + " " + a.prize()));
        String headline = "参加培训 " + sessions.size() + " 期、" + hours.stripTrailingZeros().toPlainString() + " 学时，考试 "
                + attempts.size() + " 场，获奖 " + awards.size() + " 项";
        return Optional.of(new EnterpriseProfileSection.Block("学习培训档案", headline, lines, ""));
    }
}

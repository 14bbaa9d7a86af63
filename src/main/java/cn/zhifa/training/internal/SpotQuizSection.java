package cn.zhifa.training.internal;

import cn.zhifa.hazard.HazardManagement;
import cn.zhifa.hazard.HazardQuery;
import cn.zhifa.hazard.HazardView;
import cn.zhifa.inspection.InspectionRecord;
import cn.zhifa.inspection.RecordStatus;
import cn.zhifa.inspection.RecordSupplement;
import cn.zhifa.shared.security.Actors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriUtils;

/**
 * 逢查必考 on the record page (what was recorded, the way in while the record is in progress, a score below the pass
 * mark as a finding with its one-tap way into the record's hazard registration) and its line in the 现场检查记录.
 */
@Component
class SpotQuizSection implements RecordSupplement {

    private final SpotQuizzes quizzes;
    private final HazardManagement hazards;

    SpotQuizSection(SpotQuizzes quizzes, HazardManagement hazards) {
        this.quizzes = quizzes;
        this.hazards = hazards;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Block> blockFor(InspectionRecord record) {
        Optional<SpotQuizzes.Quiz> found = quizzes.of(record);
        long me = Actors.require().userId();
        boolean working = record.getStatus() == RecordStatus.DRAFT && record.getMembers().stream().anyMatch(m -> m.userId() == me);
        String page = "/inspection/records/" + record.getId() + "/spot-quiz";
        List<String> lines = new ArrayList<>();
        List<Link> actions = new ArrayList<>();
        if (found.isEmpty()) {
            if (!working) {
                return Optional.empty();
            }
            SpotQuizRules rules = quizzes.rules();
            lines.add("尚未进行。请企业主要负责人或安全管理人员现场回答 " + rules.minCount() + "–" + rules.maxCount()
                    + " 道应知应会题目，得分低于 " + rules.passMark().stripTrailingZeros().toPlainString() + " 分的列为问题。");
            actions.add(new Link("start-spot-quiz", "进行逢查必考", page, "SPOT_QUIZ", true));
            return Optional.of(new Block("spot-quiz", "逢查必考", lines, null, actions));
        }
        SpotQuizzes.Quiz quiz = found.get();
        if (!quiz.answered()) {
            lines.add("已为" + quiz.personName() + "（" + quiz.personPost() + "）抽取 " + quiz.questionIds().size() + " 道题，尚未记录答题结果。");
            if (working) {
                actions.add(new Link("start-spot-quiz", "继续答题", page, "SPOT_QUIZ", true));
            }
            return Optional.of(new Block("spot-quiz", "逢查必考", lines, null, actions));
        }
        lines.add(quiz.line());
        actions.add(new Link("view-spot-quiz", "查看答题情况", page, "READ_BUSINESS", false));
        String warning = null;
        if (quiz.failed()) {
            warning = "发现问题：" + quizzes.findingOf(quiz) + "（依据" + quizzes.rules().findingBasis() + "）";
            Optional<HazardView> hazard = hazardOf(record, quiz);
            if (hazard.isPresent()) {
                lines.add("已登记为隐患，责令整改。");
                actions.add(new Link("spot-quiz-hazard", "查看隐患", "/hazards/" + hazard.get().id(), "READ_BUSINESS", false));
            } else {
                actions.add(new Link("spot-quiz-to-hazard", "转为隐患", "/hazards/new?record=" + record.getId() + "&enterpriseId="
                        + record.getEnterpriseId() + "&description=" + encode(quizzes.findingOf(quiz)) + "&legalBasis="
                        + encode(quizzes.rules().findingBasis()), "REGISTER_HAZARD", true));
            }
        }
        return Optional.of(new Block("spot-quiz", "逢查必考", lines, warning, actions));
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> documentLines(InspectionRecord record) {
        return quizzes.of(record).map(SpotQuizzes.Quiz::line).stream().toList();
    }

    /** The hazard registered from the finding on this record (or the version the quiz was taken on). */
    private Optional<HazardView> hazardOf(InspectionRecord record, SpotQuizzes.Quiz quiz) {
        Set<Long> records = new LinkedHashSet<>(List.of(record.getId(), quiz.recordId()));
        String title = quizzes.rules().findingTitle();
        for (Long id : records) {
            Optional<HazardView> hazard = hazards.search(new HazardQuery("all", null, id, null, 0, 200)).items().stream()
                    .filter(h -> h.description() != null && h.description().startsWith(title)).findFirst();
            if (hazard.isPresent()) {
                return hazard;
            }
        }
        return Optional.empty();
    }

    private static String encode(String text) {
        return UriUtils.encodeQueryParam(text, StandardCharsets.UTF_8);
    }
}

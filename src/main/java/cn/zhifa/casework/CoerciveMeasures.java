package cn.zhifa.casework;

import static cn.zhifa.casework.Checks.notBlank;
import static cn.zhifa.casework.Checks.require;

import cn.zhifa.law.Deadline;
import cn.zhifa.shared.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * The 行政强制措施 of a case, part of the {@link PenaltyCase} aggregate (same tables): each 查封 or 扣押 with its 清单
 * (行政强制法第二十四条至第二十八条), taken on the head's approval or in an emergency and approved afterwards (第十九条),
 * extended once (第二十五条), then released or disposed of (第二十八条). Measures are numbered from 1 on the case.
 */
class CoerciveMeasures {

    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<CoerciveMeasure> measures = new ArrayList<>();
    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<SeizedObject> seizedObjects = new ArrayList<>();

    CoerciveMeasures() {
    }

    /** A new measure with its objects; {@code approvedBy} null when taken in an emergency. */
    CoerciveMeasure take(LocalDate day, Instant at, MeasureKind kind, List<SeizedObject> objects, String reason,
                         String legalBasis, String decisionNumber, String approvedBy, boolean emergency) {
        require(kind != null, "请选择查封或扣押。");
        require(objects != null && !objects.isEmpty(), kind.label() + "清单不能为空，请至少填写一项财物（名称、数量）。");
        for (SeizedObject o : objects) {
            require(notBlank(o.name()) && notBlank(o.quantity()), kind.label() + "清单的每一项都须填写名称和数量。");
        }
        require(notBlank(reason), "请填写" + kind.label() + "的理由。");
        require(notBlank(legalBasis), "请填写" + kind.label() + "的法律依据。");
        int number = measures.size() + 1;
        objects.forEach(o -> seizedObjects.add(o.numbered(number)));
        CoerciveMeasure measure = new CoerciveMeasure(number, kind, notBlank(decisionNumber) ? decisionNumber.strip() : null,
                reason.strip(), legalBasis.strip(), day, emergency ? null : approvedBy, false, null, null, null, null, null,
                emergency, at, emergency ? null : at);
        measures.add(measure);
        return measure;
    }

    /** An emergency measure is approved within the window (行政强制法第十九条), never after it. */
    Verdict mayApprove(int number, Instant now, Duration window) {
        Optional<CoerciveMeasure> found = measure(number);
        if (found.isEmpty()) {
            return missing(number);
        }
        CoerciveMeasure m = found.get();
        if (!m.pendingApproval()) {
            return Verdict.refuse(m.title() + (m.active() ? "不需要补办批准手续。" : "已" + m.ending().label() + "，不需要补办批准手续。"));
        }
        if (now.isAfter(m.approvalDeadline(window))) {
            return Verdict.refuse(m.title() + "系情况紧急当场实施，应当在" + window.toHours() + "小时内向负责人报告并补办批准手续，"
                    + "现已超过期限，不能再补办批准，应当立即解除（行政强制法第十九条）。");
        }
        return Verdict.allow();
    }

    CoerciveMeasure approve(int number, String by, Instant at) {
        return replace(measure(number).orElseThrow().approved(by, at));
    }

    void number(int number, String decisionNumber) {
        replace(measure(number).orElseThrow().numbered(decisionNumber));
    }

    /**
     * Extended once (行政强制法第二十五条), while active, approved and within its term; the term does not count the
     * {@code testingDays} days of notified 检测、检验、检疫或者技术鉴定 (第三款).
     */
    Verdict mayExtend(int number, LocalDate day, CasePeriods periods, long testingDays) {
        Optional<CoerciveMeasure> found = measure(number);
        if (found.isEmpty()) {
            return missing(number);
        }
        CoerciveMeasure m = found.get();
        if (!m.active()) {
            return Verdict.refuse(m.title() + "已于" + m.endedOn() + m.ending().label() + "，不能延长期限。");
        }
        if (m.pendingApproval()) {
            return Verdict.refuse(m.title() + "尚待负责人补办批准手续，不能延长期限。");
        }
        if (m.extended()) {
            return Verdict.refuse(m.title() + "已于" + m.extendedOn() + "延长过一次期限，依法只能延长一次（行政强制法第二十五条）。");
        }
        Deadline due = CasePeriods.withoutTesting(periods.measureDue(m.appliedOn(), false), testingDays);
        if (due.isOverdueOn(day)) {
            return Verdict.refuse(m.title() + "的期限" + (testingDays > 0 ? "（不计检测、检验、检疫或者技术鉴定期间" + testingDays + "日）" : "")
                    + "已于" + due.due() + "届满，不能再延长，应当及时解除或者作出处理决定（行政强制法第二十五条）。");
        }
        return Verdict.allow();
    }

    CoerciveMeasure extend(int number, LocalDate day, String reason) {
        require(notBlank(reason), "请填写延长查封、扣押期限的理由（情况复杂）。");
        return replace(measure(number).orElseThrow().extend(day, reason.strip()));
    }

    Verdict mayEnd(int number) {
        Optional<CoerciveMeasure> found = measure(number);
        if (found.isEmpty()) {
            return missing(number);
        }
        CoerciveMeasure m = found.get();
        return m.active() ? Verdict.allow()
                : Verdict.refuse(m.title() + "已于" + m.endedOn() + m.ending().label() + "，不能重复办理。");
    }

    CoerciveMeasure end(int number, MeasureEnding how, LocalDate day, String reason) {
        require(how != null, "请选择解除或作出处理决定。");
        require(notBlank(reason), how == MeasureEnding.RELEASED ? "请填写解除查封、扣押的理由。" : "请填写对查封、扣押财物的处理决定。");
        return replace(measure(number).orElseThrow().end(how, day, reason.strip()));
    }

    Optional<CoerciveMeasure> measure(int number) {
        return number >= 1 && number <= measures.size() ? Optional.of(measures.get(number - 1)) : Optional.empty();
    }

    List<SeizedObject> objectsOf(int number) {
        return seizedObjects.stream().filter(o -> o.measureNumber() == number).toList();
    }

    List<CoerciveMeasure> all() { return List.copyOf(measures); }
    List<SeizedObject> objects() { return List.copyOf(seizedObjects); }

    /** Gives the measures and their objects the case's organisation id (see {@link PenaltyCase#keyChildren}). */
    void keyChildren(long organizationId) {
        measures.replaceAll(m -> m.keyed(organizationId));
        seizedObjects.replaceAll(o -> o.keyed(organizationId));
    }

    private CoerciveMeasure replace(CoerciveMeasure m) {
        measures.set(m.number() - 1, m);
        return m;
    }

    private static Verdict missing(int number) {
        return Verdict.refuse("本案没有第" + number + "号查封、扣押措施。");
    }
}

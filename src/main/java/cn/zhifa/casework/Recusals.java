package cn.zhifa.casework;

import static cn.zhifa.casework.Checks.notBlank;
import static cn.zhifa.casework.Checks.require;

import cn.zhifa.shared.Verdict;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * 回避 on a case (行政处罚法第四十三条), part of the {@link PenaltyCase} aggregate: the party's applications, the head's
 * decisions, and who may therefore no longer act on the case or preside over its hearing. Numbered from 1 on the case.
 */
class Recusals {

    @MappedCollection(idColumn = "penalty_case", keyColumn = "position")
    private List<Recusal> recusals = new ArrayList<>();

    Recusals() {
    }

    /** The case's 承办人 as the recusal rules need them. */
    record Handlers(long handlerId, String handlerName, Long coHandlerId, String coHandlerName) {
    }

    /** A person whose recusal was granted may no longer act on the case (第四十三条第一款: 应当回避). */
    Verdict notRecused(Acting by) {
        return recusals.stream().filter(r -> r.excludes(by.userId(), by.name())).findFirst()
                .map(r -> Verdict.refuse(r.personName() + "已于" + r.decidedOn() + "经负责人决定回避，不能再参与办理本案"
                        + "（行政处罚法第四十三条）。"))
                .orElse(Verdict.allow());
    }

    boolean excludes(Long userId, String name) {
        return recusals.stream().anyMatch(r -> r.excludes(userId, name));
    }

    /**
     * The party's application (第四十三条第二款), recorded by an officer; a handler named must be one of the case's 承办人,
     * and the same person cannot be named twice while an application is pending or granted.
     */
    Recusal apply(LocalDate day, String recordedBy, RecusalRole role, String personName, String reason, Handlers handlers) {
        require(role != null, "请选择申请回避的人员类别（承办人、法制审核人员或听证主持人）。");
        require(notBlank(personName), "请填写申请回避的人员姓名。");
        require(notBlank(reason), "请填写当事人申请回避的理由（与本案有直接利害关系或者有其他关系可能影响公正执法）。");
        String name = personName.strip();
        Long personId = null;
        if (role == RecusalRole.HANDLER) {
            require(name.equals(handlers.handlerName()) || name.equals(handlers.coHandlerName()),
                    name + "不是本案的承办人（" + handlers.handlerName()
                            + (handlers.coHandlerName() == null ? "" : "、" + handlers.coHandlerName()) + "）。");
            personId = name.equals(handlers.handlerName()) ? handlers.handlerId() : handlers.coHandlerId();
        }
        Long id = personId;
        require(recusals.stream().noneMatch(r -> r.concerns(id, name) && (r.pending() || Boolean.TRUE.equals(r.granted()))),
                "对" + name + "的回避申请已经提出" + "，不能重复申请。");
        Recusal recusal = new Recusal(recusals.size() + 1, role, personId, name, reason.strip(), day, recordedBy,
                null, null, null, null);
        recusals.add(recusal);
        return recusal;
    }

    /** A pending application, not decided by the person it names (第四十三条第三款: 由行政机关负责人决定). */
    Verdict mayDecide(int number, Acting by) {
        Optional<Recusal> found = recusal(number);
        if (found.isEmpty()) {
            return Verdict.refuse("本案没有第" + number + "号回避申请。");
        }
        Recusal r = found.get();
        if (!r.pending()) {
            return Verdict.refuse("对" + r.personName() + "的回避申请已于" + r.decidedOn() + "作出决定（" + r.status() + "）。");
        }
        if (r.concerns(by.userId(), by.name())) {
            return Verdict.refuse("申请回避的人员不能对自己的回避作出决定（行政处罚法第四十三条第三款：由行政机关负责人决定）。");
        }
        return Verdict.allow();
    }

    Recusal decide(int number, boolean granted, LocalDate day, String by, String reason) {
        require(granted || notBlank(reason), "驳回回避申请须写明理由。");
        Recusal r = recusal(number).orElseThrow().decide(granted, day, by, notBlank(reason) ? reason.strip() : null);
        recusals.set(number - 1, r);
        return r;
    }

    /** True when a 承办人 of the case was recused and the leader must name another (执法人员不得少于两人, 第四十二条). */
    boolean handlerRecused(Handlers h) {
        return recusals.stream().anyMatch(r -> r.role() == RecusalRole.HANDLER
                && (r.excludes(h.handlerId(), h.handlerName()) || h.coHandlerId() != null && r.excludes(h.coHandlerId(), h.coHandlerName())));
    }

    /** The presiding officer is neither 承办人 (第六十四条第四项: 非本案调查人员) nor a person recused. */
    Verdict mayPreside(String presidingOfficer, Handlers h) {
        String name = presidingOfficer == null ? "" : presidingOfficer.strip();
        if (name.equals(h.handlerName()) || name.equals(h.coHandlerName())) {
            return Verdict.refuse("听证主持人不得由本案调查人员担任：" + name + "是本案承办人（行政处罚法第六十四条第四项）。");
        }
        return excludes(null, name) ? Verdict.refuse(name + "已经决定回避，不能主持本案听证（行政处罚法第四十三条）。")
                : Verdict.allow();
    }

    Optional<Recusal> recusal(int number) {
        return number >= 1 && number <= recusals.size() ? Optional.of(recusals.get(number - 1)) : Optional.empty();
    }

    /** Gives the applications the case's organisation id (see {@link PenaltyCase#keyChildren}). */
    void keyChildren(long organizationId) {
        recusals.replaceAll(r -> r.keyed(organizationId));
    }

    List<Recusal> all() {
        return List.copyOf(recusals);
    }
}

package cn.zhifa.casework.web;

import cn.zhifa.casework.Acting;
import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.CaseTransition;
import cn.zhifa.casework.Instalment;
import cn.zhifa.casework.MeasureEnding;
import cn.zhifa.casework.MeasureKind;
import cn.zhifa.casework.SeizedObject;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.PenaltyProposal;
import cn.zhifa.casework.ReviewOpinion;
import cn.zhifa.casework.StepKind;
import cn.zhifa.casework.Tier;
import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The case transitions by name, shared by the pages (form fields) and the API (JSON object): each action
 * reads its fields, calls {@link CaseManagement} and returns the Chinese confirmation.
 */
@Component
class CaseCommands {

    /** Action name → Chinese label, in procedural order ({@link CaseTransition}). */
    static final Map<String, String> ACTIONS = new LinkedHashMap<>();

    static {
        for (CaseTransition t : CaseTransition.values()) {
            ACTIONS.put(t.code(), t.label());
        }
    }

    private final CaseManagement cases;

    CaseCommands(CaseManagement cases) {
        this.cases = cases;
    }

    /** The actions {@code by} may take on {@code c} now: those the case's own guards allow ({@link PenaltyCase#transitions}). */
    List<String> available(PenaltyCase c, Acting by) {
        return cases.transitions(c, by).entrySet().stream().filter(e -> e.getValue().allowed())
                .map(e -> e.getKey().code()).toList();
    }

    private static cn.zhifa.casework.RecusalRole recusalRole(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请选择申请回避的人员类别（承办人、法制审核人员或听证主持人）。");
        }
        try {
            return cn.zhifa.casework.RecusalRole.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("申请回避的人员类别应为承办人、法制审核人员或听证主持人。");
        }
    }

    private static cn.zhifa.casework.HearingEnding hearingEnding(String value) {
        try {
            return cn.zhifa.casework.HearingEnding.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择终止听证的情形（撤回申请、拒不出席或中途退出）。");
        }
    }

    private static cn.zhifa.casework.ReferralOutcome referralOutcome(String value) {
        try {
            return cn.zhifa.casework.ReferralOutcome.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择公安机关的决定（立案或者不予立案退回）。");
        }
    }

    private static int recusalNumber(String value) {
        try {
            return Integer.parseInt(value == null ? "1" : value.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("请选择要决定的回避申请。");
        }
    }


    /** Runs {@code action} on case {@code id} with the given fields; returns the confirmation. */
    String run(long id, String action, Map<String, String> f) {
        Integer version = integer(f.get("version"));
        switch (action) {
            case "file" -> cases.file(id, version, f.get("opinion"), f.get("handler"), f.get("secondHandler"));
            case "investigate" -> cases.recordInvestigation(id, stepKind(f.get("what")), f.get("content"));
            case "record-act" -> cases.recordAct(id, version, date(f.get("actOn"), "违法行为发生日期"),
                    f.get("actEndedOn") == null || f.get("actEndedOn").isBlank() ? null : date(f.get("actEndedOn"), "违法行为终了日期"),
                    "true".equals(f.get("lifeAndHealth")) || "on".equals(f.get("lifeAndHealth")));
            case "extend" -> cases.extendDecisionPeriod(id, version, f.get("reason"));
            case "measure-apply" -> {
                int number = cases.applyMeasure(id, version, measureKind(f.get("kind")), seizedObjects(f.get("objects")),
                        f.get("reason"), f.get("legalBasis"), f.get("decisionNumber"));
                return "已完成：" + ACTIONS.get(action) + "（第" + number + "号）。";
            }
            case "measure-emergency" -> {
                int number = cases.takeMeasureInEmergency(id, version, measureKind(f.get("kind")), seizedObjects(f.get("objects")),
                        f.get("reason"), f.get("legalBasis"), f.get("decisionNumber"));
                return "已完成：" + ACTIONS.get(action) + "（第" + number + "号），请在二十四小时内报请负责人补办批准手续。";
            }
            case "measure-approve" -> cases.approveMeasure(id, version, measureNumber(f.get("number")));
            case "measure-extend" -> cases.extendMeasure(id, version, measureNumber(f.get("number")), f.get("reason"));
            case "measure-release" -> cases.endMeasure(id, version, measureNumber(f.get("number")), MeasureEnding.RELEASED,
                    f.get("reason"));
            case "measure-dispose" -> cases.endMeasure(id, version, measureNumber(f.get("number")), MeasureEnding.DISPOSED,
                    f.get("reason"));
            case "propose-penalty" -> cases.proposePenalty(id, version, proposal(f));
            case "approve-proposal" -> cases.approveProposal(id, version, f.get("opinion"));
            case "return-proposal" -> cases.returnProposal(id, version, f.get("opinion"));
            case "review" -> cases.reviewLegally(id, version, opinion(f.get("opinion")), f.get("text"));
            case "notify" -> cases.notifyParty(id, version);
            case "statement" -> cases.recordStatement(id, f.get("statement"), "true".equals(f.get("waive")) || "on".equals(f.get("waive")));
            case "request-hearing" -> cases.requestHearing(id);
            case "schedule-hearing" -> cases.scheduleHearing(id, date(f.get("hearingOn"), "听证日期"), f.get("presidingOfficer"),
                    f.get("place"), f.get("privateReason"));
            case "postpone-hearing" -> cases.postponeHearing(id, date(f.get("hearingOn"), "延期后的听证日期"), f.get("reason"));
            case "end-hearing" -> cases.endHearingUnheld(id, hearingEnding(f.get("ending")), f.get("reason"));
            case "hold-hearing" -> cases.holdHearing(id, f.get("record"), f.get("report"));
            case "decide" -> cases.decide(id, version, f.get("number"), amount(f.get("fineYuan"), false), f.get("linkedNumber"));
            case "serve" -> cases.serve(id, f.get("method"), f.get("receipt"));
            case "deferral" -> cases.approveDeferral(id, version, date(f.get("newDue"), "延期后的缴纳日期"), f.get("reason"));
            case "instalments" -> cases.approveInstalments(id, version, instalments(f.get("plan")), f.get("reason"));
            case "payment" -> cases.recordPayment(id, amount(f.get("amountYuan"), true));
            case "review-start" -> cases.startReviewOrLitigation(id, f.get("what"));
            case "review-end" -> cases.endReviewOrLitigation(id, f.get("outcome"));
            case "remind" -> cases.remind(id);
            case "enforce" -> cases.applyForEnforcement(id, version, f.get("court"));
            case "recusal-apply" -> cases.applyForRecusal(id, version, recusalRole(f.get("recusalRole")), f.get("personName"),
                    f.get("reason"));
            case "recusal-decide" -> cases.decideRecusal(id, version, recusalNumber(f.get("number")),
                    "true".equalsIgnoreCase(f.get("granted")), f.get("reason"));
            case "criminal-referral" -> cases.referForCrime(id, version, f.get("to"), f.get("procuratorate"), f.get("reason"));
            case "referral-outcome" -> cases.recordReferralOutcome(id, version, recusalNumber(f.get("number")),
                    referralOutcome(f.get("referralOutcome")), f.get("reason"));
            case "replace-handler" -> cases.replaceRecusedHandler(id, version, f.get("handler"));
            case "no-penalty" -> cases.decideNoPenalty(id, version, f.get("ground"), f.get("reason"), f.get("education"));
            case "revoke" -> cases.revokeFiling(id, version, f.get("reason"));
            case "transfer" -> cases.transfer(id, version, f.get("to"), "true".equals(f.get("criminal")) || "on".equals(f.get("criminal")),
                    f.get("procuratorate"), f.get("reason"), f.get("basis"), f.get("materials") == null ? List.of() : List.of(f.get("materials").split("\\R")),
                    pages(f.get("extraPages")));
            case "close" -> cases.close(id, version, f.get("opinion"));
            case "archive" -> cases.archive(id);
            default -> throw RuleViolation.notFound("没有名为“" + action + "”的案件操作。");
        }
        return "已完成：" + ACTIONS.get(action) + "。";
    }

    static PenaltyProposal proposal(Map<String, String> f) {
        if (f.get("violationCode") == null || f.get("violationCode").isBlank()) {
            throw new RuleViolation("请选择违法行为。");
        }
        return new PenaltyProposal(f.get("violationCode"), tier(f.get("tier")), amount(f.get("amountYuan"), true), f.get("reason"),
                f.get("mitigationGround"), f.get("otherMeasures"), "true".equals(f.get("complex")) || "on".equals(f.get("complex")),
                amount(f.get("annualIncomeYuan"), false), amount(f.get("illegalGainsYuan"), false),
                "true".equals(f.get("aggravated")) || "on".equals(f.get("aggravated")), f.get("violatedProvision"));
    }

    /** "2026-03-31:10000;2026-04-30:10000" */
    static List<Instalment> instalments(String plan) {
        if (plan == null || plan.isBlank()) {
            throw new RuleViolation("请填写分期计划（每行“日期:金额”）。");
        }
        List<Instalment> parts = new ArrayList<>();
        for (String line : plan.split("[;\\n；]")) {
            if (line.isBlank()) {
                continue;
            }
            String[] pair = line.strip().split("[:：]");
            if (pair.length != 2) {
                throw new RuleViolation("分期计划格式应为每行“日期:金额”，如 2026-03-31:10000。");
            }
            parts.add(new Instalment(date(pair[0].strip(), "分期缴纳日期"), amount(pair[1].strip(), true)));
        }
        return parts;
    }

    static MeasureKind measureKind(String text) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("请选择查封或扣押。");
        }
        for (MeasureKind kind : MeasureKind.values()) {
            if (kind.name().equals(text.strip()) || kind.label().equals(text.strip())) {
                return kind;
            }
        }
        throw new RuleViolation("强制措施种类“" + text + "”无效，应为查封或扣押。");
    }

    static int measureNumber(String text) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("请选择要办理的查封、扣押措施（编号）。");
        }
    }

    /** The 清单, one object a line: "名称|规格|数量|存放地点" (规格 and 存放地点 may be empty). */
    static List<SeizedObject> seizedObjects(String text) {
        List<SeizedObject> objects = new ArrayList<>();
        if (text == null) {
            return objects;
        }
        for (String line : text.split("[\\n；;]")) {
            if (line.isBlank()) {
                continue;
            }
            String[] part = line.strip().split("[|｜]", -1);
            if (part.length < 3 || part[0].isBlank() || part[2].isBlank()) {
                throw new RuleViolation("清单“" + line.strip() + "”格式不正确，每行应为“名称|规格|数量|存放地点”，名称和数量必填。");
            }
            objects.add(SeizedObject.of(part[0].strip(), part[1], part[2].strip(), part.length > 3 ? part[3] : null));
        }
        return objects;
    }

    static BigDecimal amount(String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new RuleViolation("请填写金额。");
            }
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw new RuleViolation("金额“" + text + "”格式不正确，请填写以元为单位的数字。");
        }
    }

    static LocalDate date(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new RuleViolation("请填写" + what + "。");
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new RuleViolation(what + "“" + text + "”格式不正确，应为 yyyy-MM-dd。");
        }
    }

    /** 另附材料页数 of a 案件移送书 (empty when nothing further is attached). */
    static Integer pages(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("另附材料页数“" + text + "”应为整数。");
        }
    }

    private static Integer integer(String text) {
        try {
            return text == null || text.isBlank() ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new RuleViolation("版本号格式不正确。");
        }
    }

    static Tier tier(String text) {
        try {
            return text == null || text.isBlank() ? Tier.GENERAL : Tier.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("裁量阶次“" + text + "”无效。");
        }
    }

    private static ReviewOpinion opinion(String text) {
        try {
            return text == null || text.isBlank() ? null : ReviewOpinion.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("审核意见“" + text + "”无效，应为同意、修改或退回。");
        }
    }

    private static StepKind stepKind(String text) {
        try {
            return text == null || text.isBlank() ? StepKind.EVIDENCE : StepKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("调查取证记录的类别“" + text + "”无效。");
        }
    }
}

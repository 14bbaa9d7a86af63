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
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.ServletRequest;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.beans.PropertyEditorSupport;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.ServletRequestDataBinder;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The case transitions by name, shared by the pages and the API: binds the typed {@link CaseCommand} of an action from
 * the page form or from the JSON body (both checked by the same bean validation), runs it on {@link CaseManagement}
 * and returns the Chinese confirmation.
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
    private final ConversionService conversion;
    private final Validator validator;
    private final JsonMapper json;

    CaseCommands(CaseManagement cases, @Qualifier("mvcConversionService") ConversionService conversion, Validator validator,
                 JsonMapper json) {
        this.cases = cases;
        this.conversion = conversion;
        this.validator = validator;
        this.json = json;
    }

    /** The actions {@code by} may take on {@code c} now: those the case's own guards allow ({@link PenaltyCase#transitions}). */
    List<String> available(PenaltyCase c, Acting by) {
        return cases.transitions(c, by).entrySet().stream().filter(e -> e.getValue().allowed())
                .map(e -> e.getKey().code()).toList();
    }

    static cn.zhifa.casework.RecusalRole recusalRole(String value) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation("请选择申请回避的人员类别（承办人、法制审核人员或听证主持人）。");
        }
        try {
            return cn.zhifa.casework.RecusalRole.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("申请回避的人员类别应为承办人、法制审核人员或听证主持人。");
        }
    }

    static cn.zhifa.casework.HearingEnding hearingEnding(String value) {
        try {
            return cn.zhifa.casework.HearingEnding.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择终止听证的情形（撤回申请、拒不出席或中途退出）。");
        }
    }

    static cn.zhifa.casework.ReferralOutcome referralOutcome(String value) {
        try {
            return cn.zhifa.casework.ReferralOutcome.valueOf(value == null ? "" : value.strip());
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("请选择公安机关的决定（立案或者不予立案退回）。");
        }
    }


    /** The transition named {@code action} in a route, or 404 in Chinese. */
    static CaseTransition transition(String action) {
        return CaseTransition.byCode(action)
                .orElseThrow(() -> RuleViolation.notFound("没有名为“" + action + "”的案件操作。"));
    }

    /**
     * Binds the command of {@code action} from the page form, as {@code @ModelAttribute} binds a record (constructor
     * binding with the MVC conversion service); the textareas of lists give one item a line.
     */
    CaseCommand fromForm(String action, ServletRequest request) {
        Class<? extends CaseCommand> type = CaseCommand.TYPES.get(transition(action));
        ServletRequestDataBinder binder = new ServletRequestDataBinder(null, "command");
        binder.setTargetType(ResolvableType.forClass(type));
        binder.setConversionService(conversion);
        if (type == CaseCommand.MeasureApply.class || type == CaseCommand.MeasureEmergency.class) {
            binder.registerCustomEditor(List.class, new Lines(CaseCommands::seizedObjects));
        } else if (type == CaseCommand.Instalments.class) {
            binder.registerCustomEditor(List.class, new Lines(CaseCommands::instalments));
        } else if (type == CaseCommand.Transfer.class) {
            binder.registerCustomEditor(List.class, new Lines(text -> text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList()));
        }
        binder.construct(request);
        BindingResult result = binder.getBindingResult();
        if (result.hasErrors()) {
            FieldError error = result.getFieldError();
            throw new RuleViolation(error == null ? "填写的内容格式不正确。"
                    : label(type, error.getField()) + "“" + error.getRejectedValue() + "”格式不正确。");
        }
        return checked(type.cast(binder.getTarget()));
    }

    /** Binds the command of {@code action} from the JSON body, as {@code @RequestBody} does (lists are JSON arrays). */
    CaseCommand fromJson(String action, JsonNode body) {
        Class<? extends CaseCommand> type = CaseCommand.TYPES.get(transition(action));
        if (body != null && !body.isNull() && !body.isObject()) {
            throw new RuleViolation("请求内容应为 JSON 对象。");
        }
        try {
            return checked(json.treeToValue(body == null || body.isNull() ? json.createObjectNode() : body, type));
        } catch (DatabindException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().get(0).getPropertyName();
            throw new RuleViolation(field == null ? "请求内容格式不正确。" : label(type, field) + "（" + field + "）格式不正确。");
        }
    }

    /** The bean-validation messages of {@code command}, in the order of its fields, as one refusal. */
    private <T extends CaseCommand> T checked(T command) {
        Set<ConstraintViolation<T>> violations = validator.validate(command);
        if (!violations.isEmpty()) {
            List<String> order = Arrays.stream(command.getClass().getRecordComponents()).map(RecordComponent::getName).toList();
            throw new RuleViolation(violations.stream()
                    .sorted(Comparator.comparing((ConstraintViolation<T> v) -> order.indexOf(v.getPropertyPath().iterator().next().getName()))
                            .thenComparing(ConstraintViolation::getMessage))
                    .map(ConstraintViolation::getMessage).distinct().collect(Collectors.joining("")));
        }
        return command;
    }

    /** The Chinese name of a command's field: its OpenAPI description up to the first parenthesis. */
    static String label(Class<?> type, String field) {
        return Arrays.stream(type.getDeclaredFields()).filter(f -> f.getName().equals(field)).findFirst()
                .map(f -> f.getAnnotation(Schema.class)).map(s -> s.description().split("[（(]")[0])
                .filter(d -> !d.isBlank()).orElse("填写的内容");
    }

    /** The 呈批 fields of a page form as the proposal a 裁量试算 assesses. */
    PenaltyProposal proposalFromForm(ServletRequest request) {
        return ((CaseCommand.ProposePenalty) fromForm(CaseTransition.PROPOSE_PENALTY.code(), request)).proposal();
    }

    /** The 呈批 fields of a JSON body as the proposal a 裁量试算 assesses. */
    PenaltyProposal proposalFromJson(JsonNode body) {
        return ((CaseCommand.ProposePenalty) fromJson(CaseTransition.PROPOSE_PENALTY.code(), body)).proposal();
    }

    /** Runs {@code command} on case {@code id}; returns the Chinese confirmation. */
    String run(long id, CaseCommand command) {
        return command.run(id, cases);
    }

    /** A form textarea as the list its command field holds. */
    private static final class Lines extends PropertyEditorSupport {
        private final Function<String, List<?>> parse;

        Lines(Function<String, List<?>> parse) {
            this.parse = parse;
        }

        @Override
        public void setAsText(String text) {
            setValue(text == null || text.isBlank() ? List.of() : parse.apply(text));
        }
    }

    /** "2026-03-31:10000;2026-04-30:10000" */
    static List<CaseCommand.InstalmentLine> instalments(String plan) {
        if (plan == null || plan.isBlank()) {
            throw new RuleViolation("请填写分期计划（每行“日期:金额”）。");
        }
        List<CaseCommand.InstalmentLine> parts = new ArrayList<>();
        for (String line : plan.split("[;\\n；]")) {
            if (line.isBlank()) {
                continue;
            }
            String[] pair = line.strip().split("[:：]");
            if (pair.length != 2) {
                throw new RuleViolation("分期计划格式应为每行“日期:金额”，如 2026-03-31:10000。");
            }
            parts.add(new CaseCommand.InstalmentLine(date(pair[0].strip(), "分期缴纳日期"), amount(pair[1].strip(), true)));
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

    /** The 清单, one object a line: "名称|规格|数量|存放地点" (规格 and 存放地点 may be empty). */
    static List<CaseCommand.SeizedObjectLine> seizedObjects(String text) {
        List<CaseCommand.SeizedObjectLine> objects = new ArrayList<>();
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
            objects.add(new CaseCommand.SeizedObjectLine(part[0].strip(), part[1], part[2].strip(), part.length > 3 ? part[3] : null));
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

    static Tier tier(String text) {
        try {
            return text == null || text.isBlank() ? Tier.GENERAL : Tier.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("裁量阶次“" + text + "”无效。");
        }
    }

    static ReviewOpinion opinion(String text) {
        try {
            return text == null || text.isBlank() ? null : ReviewOpinion.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("审核意见“" + text + "”无效，应为同意、修改或退回。");
        }
    }

    static StepKind stepKind(String text) {
        try {
            return text == null || text.isBlank() ? StepKind.EVIDENCE : StepKind.valueOf(text);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation("调查取证记录的类别“" + text + "”无效。");
        }
    }
}

package cn.zhifa.registry;

import cn.zhifa.law.IdNumber;
import cn.zhifa.law.Uscc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person enters (form, API or one row of an import) to register or describe an enterprise.
 * {@link #problems()} lists every problem with the field's Chinese label, so a page, the API and the
 * import report speak the same language. The annual output is entered in 万元; {@code whitelisted} null means no.
 */
public record EnterpriseForm(String name, String uscc, String legalRepresentative, String legalRepresentativeId,
                             String principalLeader, String principalPhone, String safetyManager, String safetyPhone,
                             String registeredAddress, String operatingAddress, String townCode, String industry,
                             Integer employees, BigDecimal annualOutputWan, EnterpriseStatus status,
                             Set<RiskFeature> riskFeatures, Integer majorHazardGrade, Boolean whitelisted,
                             SupervisionLevel level, String legalRepresentativeTitle, String legalRepresentativePhone) {

    /** A form without the representative's 职务 and phone (both optional). */
    public EnterpriseForm(String name, String uscc, String legalRepresentative, String legalRepresentativeId,
                          String principalLeader, String principalPhone, String safetyManager, String safetyPhone,
                          String registeredAddress, String operatingAddress, String townCode, String industry,
                          Integer employees, BigDecimal annualOutputWan, EnterpriseStatus status,
                          Set<RiskFeature> riskFeatures, Integer majorHazardGrade, Boolean whitelisted,
                          SupervisionLevel level) {
        this(name, uscc, legalRepresentative, legalRepresentativeId, principalLeader, principalPhone, safetyManager,
                safetyPhone, registeredAddress, operatingAddress, townCode, industry, employees, annualOutputWan, status,
                riskFeatures, majorHazardGrade, whitelisted, level, null, null);
    }

    /** Field labels in form, template and error-report order. */
    public static final List<String> LABELS = List.of("企业名称", "统一社会信用代码", "法定代表人", "法定代表人身份证号",
            "主要负责人", "主要负责人电话", "安全管理人员", "安全管理人员电话", "注册地址", "经营地址", "乡镇（街道）区划代码",
            "行业代码（GB/T 4754 大类）", "从业人数", "年产值（万元）", "经营状态", "风险特征", "重大危险源等级", "白名单", "监管层级",
            "法定代表人职务", "法定代表人电话");

    private static final Pattern PHONE = Pattern.compile("^1\\d{10}$|^0\\d{2,3}-?\\d{7,8}$");
    private static final Pattern TOWN = Pattern.compile("^\\d{9}$|^\\d{12}$");

    /** A problem with one field, e.g. ('统一社会信用代码', '校验码错误…'). */
    public record Problem(String field, String message) {
    }

    public static EnterpriseForm empty() {
        return new EnterpriseForm("", "", "", "", "", "", "", "", "", "", "", "", null, null, EnterpriseStatus.OPERATING,
                EnumSet.noneOf(RiskFeature.class), null, false, SupervisionLevel.TOWNSHIP);
    }

    /**
     * The form as the edit page fills it: the phones and the 法定代表人身份证号 left empty, since the page shows the stored
     * ones masked as hints (a full phone is an audited read on the firm's page); {@link #keepingPersonalNumbers} puts
     * them back on save.
     */
    public EnterpriseForm withoutPersonalNumbers() {
        return withPersonalNumbers(null, null, null, null);
    }

    /**
     * This form with each phone and the ID number left empty taken from {@code stored}: a number typed replaces the
     * stored one.
     */
    public EnterpriseForm keepingPersonalNumbers(EnterpriseForm stored) {
        return withPersonalNumbers(present(legalRepresentativeId) ? legalRepresentativeId : stored.legalRepresentativeId(),
                present(principalPhone) ? principalPhone : stored.principalPhone(),
                present(safetyPhone) ? safetyPhone : stored.safetyPhone(),
                present(legalRepresentativePhone) ? legalRepresentativePhone : stored.legalRepresentativePhone());
    }

    private EnterpriseForm withPersonalNumbers(String idNumber, String principal, String safety, String legal) {
        return new EnterpriseForm(name, uscc, legalRepresentative, idNumber, principalLeader, principal,
                safetyManager, safety, registeredAddress, operatingAddress, townCode, industry, employees, annualOutputWan,
                status, riskFeatures, majorHazardGrade, whitelisted, level, legalRepresentativeTitle, legal);
    }

    public Set<RiskFeature> riskFeaturesOrEmpty() {
        return riskFeatures == null || riskFeatures.isEmpty() ? EnumSet.noneOf(RiskFeature.class) : EnumSet.copyOf(riskFeatures);
    }

    /** Every problem of this form on its own (the jurisdiction of the town is checked by the service). */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        required(problems, "企业名称", name, 100);
        if (uscc == null || uscc.isBlank()) {
            problems.add(new Problem("统一社会信用代码", "请填写统一社会信用代码"));
        } else {
            Uscc.parse(uscc.strip()).parsed().ifPresentOrElse(u -> { }, () ->
                    problems.add(new Problem("统一社会信用代码", Uscc.parse(uscc.strip()).reason())));
        }
        required(problems, "法定代表人", legalRepresentative, 30);
        if (present(legalRepresentativeId)) {
            var check = IdNumber.parse(legalRepresentativeId);
            if (!check.valid()) {
                problems.add(new Problem("法定代表人身份证号", check.reason()));
            }
        }
        optional(problems, "主要负责人", principalLeader, 30);
        phone(problems, "主要负责人电话", principalPhone);
        phone(problems, "法定代表人电话", legalRepresentativePhone);
        optional(problems, "法定代表人职务", legalRepresentativeTitle, 30);
        optional(problems, "安全管理人员", safetyManager, 30);
        phone(problems, "安全管理人员电话", safetyPhone);
        optional(problems, "注册地址", registeredAddress, 200);
        optional(problems, "经营地址", operatingAddress, 200);
        if (!present(townCode)) {
            problems.add(new Problem("乡镇（街道）区划代码", "请填写乡镇（街道）区划代码"));
        } else if (!TOWN.matcher(townCode.strip()).matches()) {
            problems.add(new Problem("乡镇（街道）区划代码", "乡镇（街道）区划代码应为 9 位或 12 位数字，实际为“" + townCode.strip() + "”"));
        }
        if (!present(industry)) {
            problems.add(new Problem("行业代码（GB/T 4754 大类）", "请填写行业代码（国民经济行业分类大类，如 C26 或 26）"));
        } else if (IndustryCatalog.division(industry).isEmpty()) {
            problems.add(new Problem("行业代码（GB/T 4754 大类）", "行业代码“" + industry.strip() + "”不是 GB/T 4754-2017 的大类代码"));
        }
        if (employees == null) {
            problems.add(new Problem("从业人数", "请填写从业人数"));
        } else if (employees < 0) {
            problems.add(new Problem("从业人数", "从业人数不能为负数"));
        } else if (employees > 1_000_000) {
            problems.add(new Problem("从业人数", "从业人数不能超过 1000000"));
        }
        if (annualOutputWan != null && annualOutputWan.signum() < 0) {
            problems.add(new Problem("年产值（万元）", "年产值不能为负数"));
        } else if (annualOutputWan != null && annualOutputWan.compareTo(new BigDecimal("100000000")) >= 0) {
            problems.add(new Problem("年产值（万元）", "年产值超出范围（应小于 1 亿万元）"));
        }
        if (status == null) {
            problems.add(new Problem("经营状态", "请填写经营状态（在业、停业或注销）"));
        }
        boolean majorHazard = riskFeaturesOrEmpty().contains(RiskFeature.MAJOR_HAZARD);
        if (majorHazard && majorHazardGrade == null) {
            problems.add(new Problem("重大危险源等级", "有重大危险源的企业须填写重大危险源等级（一级至四级）"));
        } else if (!majorHazard && majorHazardGrade != null) {
            problems.add(new Problem("重大危险源等级", "未勾选“重大危险源”时不应填写重大危险源等级"));
        } else if (majorHazardGrade != null && (majorHazardGrade < 1 || majorHazardGrade > 4)) {
            problems.add(new Problem("重大危险源等级", "重大危险源等级应为一级至四级"));
        }
        if (level == null) {
            problems.add(new Problem("监管层级", "请填写监管层级（市级、区级或乡镇级）"));
        }
        return problems;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void required(List<Problem> problems, String field, String value, int max) {
        if (!present(value)) {
            problems.add(new Problem(field, "请填写" + field));
        } else {
            optional(problems, field, value, max);
        }
    }

    private static void optional(List<Problem> problems, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            problems.add(new Problem(field, field + "不能超过 " + max + " 个字"));
        }
    }

    private static void phone(List<Problem> problems, String field, String value) {
        if (present(value) && !PHONE.matcher(value.strip()).matches()) {
            problems.add(new Problem(field, field + "格式不正确（手机 11 位或带区号的固定电话）"));
        }
    }
}

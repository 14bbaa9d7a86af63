package cn.zhifa.registry.internal;

import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The columns of the enterprise .xlsx (template, import, export, error report) and the conversion of one row to
 * an {@link EnterpriseForm}. Exports mask ID numbers and phones; a masked cell on re-import keeps the stored value.
 */
public final class EnterpriseSheet {

    public static final List<String> HEADERS = EnterpriseForm.LABELS;
    public static final String ERROR_HEADER = "错误说明";
    /** The first optional column: files made before it was added (19 columns) still import. */
    public static final int OPTIONAL_FROM = 19;
    static final int NAME = 0, USCC = 1, LEGAL = 2, LEGAL_ID = 3, LEADER = 4, LEADER_PHONE = 5, SAFETY = 6, SAFETY_PHONE = 7,
            REGISTERED = 8, OPERATING = 9, TOWN = 10, INDUSTRY = 11, EMPLOYEES = 12, OUTPUT = 13, STATUS = 14, RISKS = 15,
            GRADE = 16, WHITELIST = 17, LEVEL = 18,
            LEGAL_TITLE = 19, LEGAL_PHONE = 20; // the last two optional: older files without them still import

    private EnterpriseSheet() {
    }

    /** A parsed row: the form, or the problems of cells that could not even be read (a word as employees). */
    public record Parsed(EnterpriseForm form, List<EnterpriseForm.Problem> problems) {
    }

    public static Parsed parse(List<String> cells, Enterprise existing) {
        List<EnterpriseForm.Problem> problems = new ArrayList<>();
        Integer employees = null;
        String employeesText = cell(cells, EMPLOYEES);
        if (!employeesText.isEmpty()) {
            try {
                employees = new BigDecimal(employeesText).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                problems.add(new EnterpriseForm.Problem(HEADERS.get(EMPLOYEES), "从业人数应为整数，实际为“" + shorten(employeesText) + "”"));
            }
        }
        BigDecimal output = null;
        String outputText = cell(cells, OUTPUT).replace(",", "");
        if (!outputText.isEmpty()) {
            try {
                output = new BigDecimal(outputText);
            } catch (NumberFormatException e) {
                problems.add(new EnterpriseForm.Problem(HEADERS.get(OUTPUT), "年产值应为数字（万元），实际为“" + shorten(outputText) + "”"));
            }
        }
        EnterpriseStatus status = null;
        String statusText = cell(cells, STATUS);
        if (!statusText.isEmpty()) {
            status = EnterpriseStatus.ofLabel(statusText).orElse(null);
            if (status == null) {
                problems.add(new EnterpriseForm.Problem(HEADERS.get(STATUS), "经营状态应为“在业”“停业”或“注销”，实际为“" + shorten(statusText) + "”"));
            }
        }
        Set<RiskFeature> risks = EnumSet.noneOf(RiskFeature.class);
        for (String label : cell(cells, RISKS).split("[、,，;；\\s]+")) {
            if (label.isBlank()) {
                continue;
            }
            RiskFeature.ofLabel(label.strip()).ifPresentOrElse(risks::add, () -> problems.add(new EnterpriseForm.Problem(
                    HEADERS.get(RISKS), "风险特征“" + shorten(label.strip()) + "”不在可选范围内（" + allRiskLabels() + "）")));
        }
        Integer grade = null;
        String gradeText = cell(cells, GRADE);
        if (!gradeText.isEmpty()) {
            grade = switch (gradeText.replace("级", "")) {
                case "一", "1" -> 1;
                case "二", "2" -> 2;
                case "三", "3" -> 3;
                case "四", "4" -> 4;
                default -> null;
            };
            if (grade == null) {
                problems.add(new EnterpriseForm.Problem(HEADERS.get(GRADE), "重大危险源等级应为一级至四级，实际为“" + shorten(gradeText) + "”"));
            }
        }
        String whitelistText = cell(cells, WHITELIST);
        boolean whitelisted = whitelistText.equals("是");
        if (!whitelistText.isEmpty() && !whitelistText.equals("是") && !whitelistText.equals("否")) {
            problems.add(new EnterpriseForm.Problem(HEADERS.get(WHITELIST), "白名单应填“是”或“否”，实际为“" + shorten(whitelistText) + "”"));
        }
        SupervisionLevel level = null;
        String levelText = cell(cells, LEVEL);
        if (!levelText.isEmpty()) {
            level = SupervisionLevel.ofLabel(levelText).orElse(null);
            if (level == null) {
                problems.add(new EnterpriseForm.Problem(HEADERS.get(LEVEL), "监管层级应为“市级”“区级”或“乡镇级”，实际为“" + shorten(levelText) + "”"));
            }
        }
        EnterpriseForm form = new EnterpriseForm(cell(cells, NAME), cell(cells, USCC).toUpperCase(), cell(cells, LEGAL),
                keepMasked(cell(cells, LEGAL_ID), existing == null ? null : existing.getLegalRepresentativeId()),
                cell(cells, LEADER), keepMasked(cell(cells, LEADER_PHONE), existing == null ? null : existing.getPrincipalPhone()),
                cell(cells, SAFETY), keepMasked(cell(cells, SAFETY_PHONE), existing == null ? null : existing.getSafetyPhone()),
                cell(cells, REGISTERED), cell(cells, OPERATING), cell(cells, TOWN), cell(cells, INDUSTRY), employees, output,
                status, risks, grade, whitelisted, level,
                optional(cells, LEGAL_TITLE, existing == null ? null : existing.getLegalRepresentativeTitle()),
                keepMasked(optional(cells, LEGAL_PHONE, existing == null ? null : existing.getLegalRepresentativePhone()),
                        existing == null ? null : existing.getLegalRepresentativePhone()));
        return new Parsed(form, problems);
    }

    /** One exported row (ID numbers and phones masked). */
    public static List<String> row(Enterprise e) {
        List<String> cells = new ArrayList<>();
        cells.add(e.getName());
        cells.add(e.getUscc());
        cells.add(e.getLegalRepresentative());
        cells.add(e.getLegalRepresentativeId() == null ? "" : cn.zhifa.law.IdNumber.parse(e.getLegalRepresentativeId()).parsed()
                .map(cn.zhifa.law.IdNumber::masked).orElse(""));
        cells.add(nullToEmpty(e.getPrincipalLeader()));
        cells.add(maskPhone(e.getPrincipalPhone()));
        cells.add(nullToEmpty(e.getSafetyManager()));
        cells.add(maskPhone(e.getSafetyPhone()));
        cells.add(nullToEmpty(e.getRegisteredAddress()));
        cells.add(nullToEmpty(e.getOperatingAddress()));
        cells.add(e.getTownCode());
        cells.add(e.getIndustry().sectionCode() + e.getIndustry().divisionCode());
        cells.add(String.valueOf(e.getEmployees()));
        cells.add(e.getAnnualOutput() == null ? "" : e.getAnnualOutput().divide(BigDecimal.valueOf(10_000)).stripTrailingZeros().toPlainString());
        cells.add(e.getStatus().label());
        cells.add(e.getRiskFeatures().stream().map(RiskFeature::label).collect(Collectors.joining("、")));
        cells.add(e.getMajorHazardGrade() == null ? "" : "一二三四".charAt(e.getMajorHazardGrade() - 1) + "级");
        cells.add(e.isWhitelisted() ? "是" : "否");
        cells.add(e.getLevel().label());
        cells.add(nullToEmpty(e.getLegalRepresentativeTitle()));
        cells.add(maskPhone(e.getLegalRepresentativePhone()));
        return cells;
    }

    static String allRiskLabels() {
        return java.util.Arrays.stream(RiskFeature.values()).map(RiskFeature::label).collect(Collectors.joining("、"));
    }

    private static String keepMasked(String value, String stored) {
        return value != null && value.contains("****") ? stored : value;
    }

    /** An optional column's cell; a row without it (a file made before the column existed) keeps the stored value. */
    private static String optional(List<String> cells, int index, String stored) {
        return index < cells.size() ? cell(cells, index) : stored;
    }

    private static String maskPhone(String phone) {
        if (phone == null) {
            return "";
        }
        return phone.length() < 7 ? phone : phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    private static String cell(List<String> cells, int index) {
        return index < cells.size() && cells.get(index) != null ? cells.get(index).strip() : "";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    static String shorten(String value) {
        return value.length() <= 30 ? value : value.substring(0, 30) + "…";
    }
}

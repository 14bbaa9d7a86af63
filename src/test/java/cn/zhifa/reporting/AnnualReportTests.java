package cn.zhifa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The annual report's 基本情况 states the figures in sentences as the seeds write them; 二 and 三 are headed sections
 * with prompts; the 法治政府建设年度报告 variant carries the same figures under its own structure.
 */
class AnnualReportTests {

    /** Seed 000's recorded figures (滨海新区 2024). */
    static AnnualFigures seed000() {
        Map<String, BigDecimal> change = new LinkedHashMap<>();
        return new AnnualFigures(2024, 1L, "滨海新区应急管理局", 250, 17, 35, new BigDecimal("100.0"), 2293, 6201,
                ordered("KEY", 4281L, "GENERAL", 1920L, "OTHER", 0L), ordered("KEY", 1500L, "GENERAL", 900L, "OTHER", 0L),
                ordered("ON_SITE", 6201L, "ONLINE", 0L), 14000, 6840, 12, 6700, 12, 98.0, 3, 0, 0, 302,
                ordered("ENFORCEMENT", 278L, "ACCIDENT", 24L), 302, ordered("ENFORCEMENT", 278L, "ACCIDENT", 24L),
                new BigDecimal("10014300.00"), ordered("ENFORCEMENT", new BigDecimal("3191500.00"), "ACCIDENT", new BigDecimal("6822800.00")),
                0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 31, 0, 0, 0, 0, 0, 0, 1200, List.of(), 290, 290, 290,
                new BigDecimal("100.0"), Map.of(), 0, 0, Map.of(), Map.of(), new BigDecimal("44"), new BigDecimal("10"),
                change, List.of("投诉举报（按渠道）"), List.of(), AnnualFigures.PlanCompletion.of(0, 0), List.of(),
                AnnualFigures.RandomChecks.NONE, AnnualFigures.SeriousList.NONE);
    }

    @SafeVarargs
    static <V> Map<String, V> ordered(Object... pairs) {
        Map<String, V> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") V value = (V) pairs[i + 1];
            map.put((String) pairs[i], value);
        }
        return map;
    }

    static String text(AnnualReport report) {
        return report.sections().stream().flatMap(s -> java.util.stream.Stream.concat(java.util.stream.Stream.of(s.heading()),
                s.paragraphs().stream().map(AnnualReport.Paragraph::text))).collect(Collectors.joining("\n"));
    }

    @Test
    void the_basics_state_each_of_seed_000s_figures_as_the_seed_writes_them() {
        String text = text(AnnualReport.of(seed000(), AnnualReport.Variant.WORK));
        assertThat(text).contains("共有持证执法人员250人", "新增执法人员17人", "注销执法证人员35人", "执法参与率达到百分之百",
                "2024年我局共对2293家企业开展执法检查6201家次，其中重点检查4281家次，一般检查1920家次", "查处隐患6840项",
                "立案查处案件302件，同比上升44%；处罚金额共计1001.43万元，同比上升10%",
                "其中执法处罚案件278件，处罚金额319.15万元；事故处罚案件24件，处罚金额682.28万元",
                "共对31件重大行政处罚案件进行法制审核", "共公示行政处罚信息290条，公示率达100%");
    }

    @Test
    void practice_and_problems_are_headed_sections_with_editable_prompts_and_unrecorded_figures_are_named() {
        AnnualReport report = AnnualReport.of(seed000(), AnnualReport.Variant.WORK);
        assertThat(report.title()).isEqualTo("滨海新区应急管理局2024年度行政执法工作报告");
        assertThat(report.sections()).extracting(AnnualReport.Section::heading)
                .contains("一、行政执法基本情况", "二、主要工作措施及成效", "三、存在问题和下一步打算");
        AnnualReport.Section practice = report.sections().stream().filter(s -> s.heading().startsWith("二、")).findFirst().orElseThrow();
        assertThat(practice.paragraphs()).isNotEmpty().allMatch(AnnualReport.Paragraph::prompt);
        assertThat(text(report)).contains("以下数据平台尚未记录，请据实补充：投诉举报（按渠道）。");
    }

    @Test
    void the_rule_of_law_variant_has_its_four_parts_and_the_same_figures() {
        AnnualReport report = AnnualReport.of(seed000(), AnnualReport.Variant.RULE_OF_LAW);
        assertThat(report.title()).isEqualTo("滨海新区应急管理局2024年法治政府建设年度报告");
        assertThat(report.sections()).extracting(AnnualReport.Section::heading).contains(
                "一、2024年推进法治政府建设的主要举措和成效", "二、2024年推进法治政府建设存在的不足和原因",
                "三、2024年党政主要负责人履行推进法治建设第一责任人职责情况", "四、2025年推进法治政府建设的主要安排",
                "1.行政执法人员情况");
        assertThat(text(report)).contains("对2293家企业开展执法检查6201家次", "处罚金额共计1001.43万元");
    }

    @Test
    void money_prints_in_wan_yuan_with_two_decimals_and_changes_say_rise_fall_or_level() {
        assertThat(AnnualFigures.wan(new BigDecimal("3191500.00"))).isEqualTo("319.15");
        assertThat(AnnualFigures.wan(new BigDecimal("50"))).isEqualTo("0.01");
        assertThat(AnnualFigures.wan(BigDecimal.ZERO)).isEqualTo("0.00");
        AnnualFigures base = seed000();
        AnnualFigures fallen = new AnnualFigures(base.year(), base.organizationId(), base.scopeName(), base.officersCertified(),
                base.officersNew(), base.certificatesRevoked(), new BigDecimal("96.5"), base.firmsInspected(),
                base.inspectionVisits(), base.visitsByKind(), base.firmsByKind(), base.visitsByMode(), base.officerVisits(),
                base.hazardsFound(), base.majorHazardsFound(), base.hazardsRectified(), base.majorHazardsRectified(),
                base.rectificationRate(), 0, 0, 0, base.casesFiled(), base.casesFiledByKind(), base.casesDecided(),
                base.decidedByKind(), base.finesYuan(), base.finesByKind(), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 31, 0,
                0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, new BigDecimal("100.0"), Map.of(), 0, 0, Map.of(), Map.of(),
                new BigDecimal("-12.5"), BigDecimal.ZERO, Map.of(), List.of(), List.of(), AnnualFigures.PlanCompletion.of(0, 0), List.of(),
                AnnualFigures.RandomChecks.NONE, AnnualFigures.SeriousList.NONE);
        String text = text(AnnualReport.of(fallen, AnnualReport.Variant.WORK));
        assertThat(text).contains("立案查处案件302件，同比下降12.5%；处罚金额共计1001.43万元，与上年持平", "执法参与率达到96.5%")
                .doesNotContain("尚未记录");
    }

    @Test
    void each_campaign_gets_seed_004s_sentence_in_the_report_and_its_row_in_the_workbook() throws Exception {
        AnnualFigures base = seed000();
        List<CampaignFigures> campaigns = List.of(
                new CampaignFigures(7, "有限空间专项执法行动", 41, 96, 3, 5, new BigDecimal("215000.00")),
                new CampaignFigures(8, "动火作业", 12, 30, 0, 1, new BigDecimal("20000.00")));
        AnnualFigures withCampaigns = new AnnualFigures(base.year(), base.organizationId(), base.scopeName(), base.officersCertified(),
                base.officersNew(), base.certificatesRevoked(), base.participationRate(), base.firmsInspected(),
                base.inspectionVisits(), base.visitsByKind(), base.firmsByKind(), base.visitsByMode(), base.officerVisits(),
                base.hazardsFound(), base.majorHazardsFound(), base.hazardsRectified(), base.majorHazardsRectified(),
                base.rectificationRate(), 0, 0, 0, base.casesFiled(), base.casesFiledByKind(), base.casesDecided(),
                base.decidedByKind(), base.finesYuan(), base.finesByKind(), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 31, 0,
                0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, new BigDecimal("100.0"), Map.of(), 0, 0, Map.of(), Map.of(),
                null, null, Map.of(), List.of(), campaigns, AnnualFigures.PlanCompletion.of(400, 388),
                List.of(WorkFigure.count("执法能力建设", "组织执法人员培训", 26, "期"), WorkFigure.count("执法能力建设", "培训", 974, "人次"),
                        WorkFigure.count("应急管理", "登记应急救援队伍", 20, "支")),
                AnnualFigures.RandomChecks.NONE, AnnualFigures.SeriousList.NONE);
        AnnualReport report = AnnualReport.of(withCampaigns, AnnualReport.Variant.WORK);
        assertThat(text(report)).contains("（四）专项执法行动情况", "（五）行政执法“三项制度”落实情况",
                "有限空间专项执法行动中，共检查企业41家，发现隐患96条，其中重大隐患3条，立案查处5件，处罚21.50万元。",
                "动火作业专项执法中，共检查企业12家，发现隐患30条，其中重大隐患0条，立案查处1件，处罚2.00万元。",
                "（六）执法能力建设情况", "2024年，组织执法人员培训26期，培训974人次。", "（七）应急管理情况", "2024年，登记应急救援队伍20支。");
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(
                cn.zhifa.reporting.internal.FigureWorkbook.write(withCampaigns, List.of())))) {
            var work = book.getSheet("其他工作");
            assertThat(work.getRow(1).getCell(1).getStringCellValue()).isEqualTo("组织执法人员培训");
            assertThat(work.getRow(3).getCell(3).getStringCellValue()).isEqualTo("支");
            var sheet = book.getSheet("专项执法");
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("有限空间专项执法行动");
            assertThat(sheet.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(21.5);
            assertThat(sheet.getRow(2).getCell(3).getNumericCellValue()).isEqualTo(0.0);
            boolean rate = false;
            for (var row : book.getSheet("年度统计")) {
                if (row.getCell(0) != null && "计划完成率（%）".equals(row.getCell(0).getStringCellValue())) {
                    rate = row.getCell(1).getNumericCellValue() == 97.0;
                }
            }
            assertThat(rate).as("388 of 400 planned visits").isTrue();
        }
        assertThat(text(AnnualReport.of(seed000(), AnnualReport.Variant.WORK))).doesNotContain("专项执法行动情况");
    }

    @Test
    void the_random_checks_and_the_serious_list_are_written_as_the_seeds_write_them_and_left_out_when_none() {
        AnnualFigures base = seed000();
        assertThat(text(AnnualReport.of(base, AnnualReport.Variant.WORK))).doesNotContain("双随机", "严重失信");
        AnnualFigures with = new AnnualFigures(base.year(), base.organizationId(), base.scopeName(), base.officersCertified(),
                base.officersNew(), base.certificatesRevoked(), base.participationRate(), base.firmsInspected(),
                base.inspectionVisits(), base.visitsByKind(), base.firmsByKind(), base.visitsByMode(), base.officerVisits(),
                base.hazardsFound(), base.majorHazardsFound(), base.hazardsRectified(), base.majorHazardsRectified(),
                base.rectificationRate(), 0, 0, 0, base.casesFiled(), base.casesFiledByKind(), base.casesDecided(),
                base.decidedByKind(), base.finesYuan(), base.finesByKind(), 0, BigDecimal.ZERO, 0, BigDecimal.ZERO, 0, 31, 0,
                0, 0, 0, 0, 0, 0, List.of(), 0, 0, 0, new BigDecimal("100.0"), Map.of(), 0, 0, Map.of(), Map.of(),
                null, null, Map.of(), List.of(), List.of(), AnnualFigures.PlanCompletion.of(0, 0), List.of(),
                new AnnualFigures.RandomChecks(199, 190, 12, 20), new AnnualFigures.SeriousList(3, 1));
        assertThat(text(AnnualReport.of(with, AnnualReport.Variant.WORK))).contains(
                "全年通过“双随机、一公开”方式抽取检查企业199家，已完成检查190家，其中开展部门联合“双随机、一公开”抽查12家，"
                        + "采取“双随机”方式开展交叉执法检查20家。",
                "依法将3家生产经营单位列入安全生产严重失信主体名单，移出1家。");
        assertThat(cn.zhifa.reporting.internal.FigureWorkbook.lines(with)).extracting(l -> l.name() + "=" + l.value())
                .contains("双随机抽取企业（家）=199", "　已检查（家）=190", "　部门联合抽查（家）=12", "　交叉执法（家）=20",
                        "列入严重失信主体名单（家）=3", "移出严重失信主体名单（家）=1");
    }
}

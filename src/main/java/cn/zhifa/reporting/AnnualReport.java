package cn.zhifa.reporting;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draft of an annual report as headed sections of paragraphs, built from {@link AnnualFigures} in the seeds'
 * structure: the 行政执法工作报告 (一、基本情况 with the figures in sentences; 二、主要做法; 三、存在问题和下一步打算) or the
 * 法治政府建设年度报告 variant. Sections the platform cannot write carry prompts ({@link Paragraph#prompt()}) that the
 * bureau replaces in the DOCX.
 */
public record AnnualReport(Variant variant, String title, String unit, int year, List<Section> sections) {

    public enum Variant {
        WORK("行政执法工作报告"),
        RULE_OF_LAW("法治政府建设年度报告");

        private final String label;

        Variant(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A heading (一、… or （一）…) and its paragraphs. */
    public record Section(String heading, int level, List<Paragraph> paragraphs) {
    }

    /** A paragraph; a prompt is an editable hint (printed in brackets and grey in the DOCX). */
    public record Paragraph(String text, boolean prompt) {

        static Paragraph of(String text) {
            return new Paragraph(text, false);
        }

        static Paragraph hint(String text) {
            return new Paragraph(text, true);
        }
    }

    public static AnnualReport of(AnnualFigures f, Variant variant) {
        return variant == Variant.WORK ? work(f) : ruleOfLaw(f);
    }

    private static final String[] ORDINALS = {"", "（一）", "（二）", "（三）", "（四）", "（五）", "（六）", "（七）", "（八）",
            "（九）", "（十）", "（十一）", "（十二）", "（十三）", "（十四）", "（十五）"};

    /** 一、基本情况's paragraphs: every recorded figure in a sentence as the seeds write them. */
    public static List<Section> basics(AnnualFigures f) {
        int y = f.year();
        List<Section> s = new ArrayList<>();
        s.add(new Section("（一）行政执法人员情况", 2, List.of(Paragraph.of(
                "截至" + y + "年底，我局共有持证执法人员" + f.officersCertified() + "人，其中" + y + "年新增执法人员"
                        + f.officersNew() + "人，注销执法证人员" + f.certificatesRevoked() + "人。执法人员执法参与率达到"
                        + rate(f.participationRate()) + "。"))));
        StringBuilder visits = new StringBuilder(y + "年我局共对" + f.firmsInspected() + "家企业开展执法检查"
                + f.inspectionVisits() + "家次，其中重点检查" + f.visitsByKind().getOrDefault("KEY", 0L) + "家次，一般检查"
                + f.visitsByKind().getOrDefault("GENERAL", 0L) + "家次");
        long other = f.visitsByKind().getOrDefault("OTHER", 0L);
        if (other > 0) {
            visits.append("，其他检查").append(other).append("家次");
        }
        long online = f.visitsByMode().getOrDefault("ONLINE", 0L);
        if (online > 0) {
            visits.append("（其中线上检查").append(online).append("家次）");
        }
        visits.append("，出动执法人员").append(f.officerVisits()).append("人次，查处隐患").append(f.hazardsFound()).append("项");
        if (f.majorHazardsFound() > 0) {
            visits.append("，其中重大事故隐患").append(f.majorHazardsFound()).append("项，已整改")
                    .append(f.majorHazardsRectified()).append("项");
        }
        visits.append("，隐患整改率").append(percent(BigDecimal.valueOf(f.rectificationRate()))).append("。");
        List<Paragraph> inspections = new ArrayList<>(List.of(Paragraph.of(visits.toString())));
        if (f.randomChecks().firmsDrawn() > 0) {
            inspections.add(Paragraph.of(randomChecksSentence(f.randomChecks())));
        }
        s.add(new Section("（二）执法检查情况", 2, inspections));
        StringBuilder cases = new StringBuilder(y + "年，我局立案查处案件" + f.casesFiled() + "件");
        cases.append(changeClause(f.filedChangePercent()));
        cases.append("；处罚金额共计").append(AnnualFigures.wan(f.finesYuan())).append("万元");
        cases.append(changeClause(f.finesChangePercent()));
        cases.append("。其中执法处罚案件").append(f.decidedByKind().getOrDefault("ENFORCEMENT", 0L)).append("件，处罚金额")
                .append(AnnualFigures.wan(f.finesByKind().getOrDefault("ENFORCEMENT", BigDecimal.ZERO))).append("万元；事故处罚案件")
                .append(f.decidedByKind().getOrDefault("ACCIDENT", 0L)).append("件，处罚金额")
                .append(AnnualFigures.wan(f.finesByKind().getOrDefault("ACCIDENT", BigDecimal.ZERO))).append("万元。");
        List<String> more = new ArrayList<>();
        if (f.individualsFined() > 0) {
            more.add("处罚个人" + f.individualsFined() + "人、罚款" + AnnualFigures.wan(f.finesOnIndividualsYuan()) + "万元");
        }
        if (f.summaryPenalties() > 0) {
            more.add("适用简易程序当场处罚" + f.summaryPenalties() + "件");
        }
        if (f.notPunished() > 0) {
            more.add("依法不予处罚" + f.notPunished() + "件");
        }
        if (f.coerciveMeasures() > 0) {
            more.add("采取查封、扣押等行政强制措施" + f.coerciveMeasures() + "次");
        }
        if (f.hearings() > 0) {
            more.add("组织听证" + f.hearings() + "次");
        }
        if (f.transfers() > 0) {
            more.add("移送案件" + f.transfers() + "件（其中涉嫌犯罪移送司法机关" + f.criminalTransfers() + "件）");
        }
        if (!more.isEmpty()) {
            cases.append("全年").append(String.join("，", more)).append("。");
        }
        AnnualFigures.SeriousList list = f.seriousList();
        if (list.listed() > 0 || list.removed() > 0) {
            cases.append("依法将").append(list.listed()).append("家生产经营单位列入安全生产严重失信主体名单");
            if (list.removed() > 0) {
                cases.append("，移出").append(list.removed()).append("家");
            }
            cases.append("。");
        }
        s.add(new Section("（三）行政执法案件情况", 2, List.of(Paragraph.of(cases.toString()))));
        if (!f.campaigns().isEmpty()) {
            List<Paragraph> campaigns = new ArrayList<>();
            for (CampaignFigures c : f.campaigns()) {
                campaigns.add(Paragraph.of(campaignSentence(c)));
            }
            s.add(new Section("（四）专项执法行动情况", 2, campaigns));
        }
        StringBuilder three = new StringBuilder("严格落实行政执法“三项制度”。" + y + "年，我局共公示行政处罚信息" + f.published()
                + "条，公示率达" + percent(f.publicityRate()) + "；共对" + f.legalReviews() + "件重大行政处罚案件进行法制审核");
        if (f.meetings() > 0) {
            three.append("，召开案审会").append(f.meetings()).append("次、集体讨论案件").append(f.casesDiscussed()).append("件");
        }
        three.append("；全年制作各类执法文书").append(f.documentsIssued()).append("份。");
        int number = f.campaigns().isEmpty() ? 4 : 5;
        s.add(new Section(ORDINALS[number] + "行政执法“三项制度”落实情况", 2, List.of(Paragraph.of(three.toString()))));
        Map<String, List<String>> work = new LinkedHashMap<>();
        for (WorkFigure w : f.workFigures()) {
            work.computeIfAbsent(w.section(), k -> new ArrayList<>()).add(w.clause());
        }
        for (Map.Entry<String, List<String>> section : work.entrySet()) {
            number++;
            s.add(new Section(ORDINALS[Math.min(number, ORDINALS.length - 1)] + section.getKey() + "情况", 2,
                    List.of(Paragraph.of(y + "年，" + String.join("，", section.getValue()) + "。"))));
        }
        if (!f.notRecorded().isEmpty()) {
            s.add(new Section("", 2, List.of(Paragraph.hint("以下数据平台尚未记录，请据实补充："
                    + String.join("、", f.notRecorded()) + "。"))));
        }
        return s;
    }

    private static AnnualReport work(AnnualFigures f) {
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("", 0, List.of(Paragraph.of(f.year() + "年，" + f.scopeName()
                + "坚持依法行政、严格执法，紧密围绕年度重点工作和安全生产专项整治行动，现就行政执法工作开展情况报告如下："))));
        sections.add(new Section("一、行政执法基本情况", 1, List.of()));
        sections.addAll(basics(f));
        sections.add(new Section("二、主要工作措施及成效", 1, List.of(
                Paragraph.hint("（一）科学制定年度监督检查计划、落实分类分级执法的做法与成效。"),
                Paragraph.hint("（二）落实行政执法公示、全过程记录、重大执法决定法制审核“三项制度”的具体措施。"),
                Paragraph.hint("（三）执法队伍培训、练兵比武与能力建设情况。"),
                Paragraph.hint("（四）精准执法、包容审慎执法与执法帮扶的典型做法。"),
                Paragraph.hint("（五）执法监督、案卷评查与执法效能考评情况。"))));
        sections.add(new Section("三、存在问题和下一步打算", 1, List.of(
                Paragraph.hint("存在问题：执法力量与装备保障、普法宣传、案卷规范等方面的不足及原因。"),
                Paragraph.hint("下一步打算：提高执法过程严谨性、规范行使裁量权、加强能力建设与协调联动的具体安排。"))));
        return new AnnualReport(Variant.WORK, f.scopeName() + f.year() + "年度行政执法工作报告", f.scopeName(), f.year(), sections);
    }

    private static AnnualReport ruleOfLaw(AnnualFigures f) {
        int y = f.year();
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("", 0, List.of(Paragraph.of("根据法治政府建设实施纲要要求，现将本单位" + y
                + "年法治政府建设工作情况报告如下："))));
        sections.add(new Section("一、" + y + "年推进法治政府建设的主要举措和成效", 1, List.of()));
        sections.add(new Section("（一）学习宣传贯彻落实习近平法治思想情况", 2, List.of(
                Paragraph.hint("党组（党委）理论学习中心组学法、领导干部会前学法、“谁执法谁普法”责任制落实情况。"))));
        sections.add(new Section("（二）严格规范公正文明执法情况", 2, List.of()));
        int number = 1;
        for (Section basic : basics(f)) {
            String heading = basic.heading().isEmpty() ? "" : (number++) + "." + basic.heading().replaceFirst("^（.）", "");
            sections.add(new Section(heading, 3, basic.paragraphs()));
        }
        sections.add(new Section("（三）重要法治建设工作落实情况", 2, List.of(
                Paragraph.hint("重大行政决策、规范性文件合法性审核、权责清单、行政复议与诉讼应诉情况。"))));
        sections.add(new Section("二、" + y + "年推进法治政府建设存在的不足和原因", 1, List.of(
                Paragraph.hint("法律法规学用结合、行政执法案卷规范等方面的不足及原因。"))));
        sections.add(new Section("三、" + y + "年党政主要负责人履行推进法治建设第一责任人职责情况", 1, List.of(
                Paragraph.hint("主要负责人研究部署法治建设、带头学法、督促整改的情况。"))));
        sections.add(new Section("四、" + (y + 1) + "年推进法治政府建设的主要安排", 1, List.of(
                Paragraph.hint("下一年度法治学习、执法规范化、队伍建设与普法宣传的主要安排。"))));
        return new AnnualReport(Variant.RULE_OF_LAW, f.scopeName() + y + "年法治政府建设年度报告", f.scopeName(), y, sections);
    }

    /** The year's 双随机 draws as seed 001 writes them (部门联合“双随机、一公开”抽查). */
    static String randomChecksSentence(AnnualFigures.RandomChecks r) {
        StringBuilder text = new StringBuilder("全年通过“双随机、一公开”方式抽取检查企业" + r.firmsDrawn() + "家，已完成检查"
                + r.firmsInspected() + "家");
        List<String> of = new ArrayList<>();
        if (r.jointDrawn() > 0) {
            of.add("开展部门联合“双随机、一公开”抽查" + r.jointDrawn() + "家");
        }
        if (r.crossDrawn() > 0) {
            of.add("采取“双随机”方式开展交叉执法检查" + r.crossDrawn() + "家");
        }
        if (!of.isEmpty()) {
            text.append("，其中").append(String.join("，", of));
        }
        return text.append("。").toString();
    }

    /** One 专项's five figures as seed 004 writes them. */
    static String campaignSentence(CampaignFigures c) {
        String name = c.name().endsWith("行动") || c.name().endsWith("执法") ? c.name() : c.name() + "专项执法";
        return name + "中，共检查企业" + c.firmsInspected() + "家，发现隐患" + c.hazards() + "条，其中重大隐患" + c.majorHazards()
                + "条，立案查处" + c.casesFiled() + "件，处罚" + AnnualFigures.wan(c.finesYuan()) + "万元。";
    }

    /** 100 → 百分之百 as the seeds write it, otherwise e.g. 96.5%. */
    static String rate(BigDecimal percent) {
        if (percent != null && percent.compareTo(BigDecimal.valueOf(100)) == 0) {
            return "百分之百";
        }
        return percent(percent);
    }

    static String percent(BigDecimal percent) {
        if (percent == null) {
            return "0%";
        }
        return percent.setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static String changeClause(BigDecimal change) {
        if (change == null) {
            return "";
        }
        if (change.signum() == 0) {
            return "，与上年持平";
        }
        return "，同比" + (change.signum() > 0 ? "上升" : "下降") + percent(change.abs());
    }
}

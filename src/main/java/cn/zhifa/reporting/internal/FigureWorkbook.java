package cn.zhifa.reporting.internal;

import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.ReportingManagement;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The dashboard's tables as XLSX: the year's figures with their year-on-year change, and the per-unit table. */
public final class FigureWorkbook {

    private FigureWorkbook() {
    }

    /** One printed figure: its Chinese name, its value as shown, the year-on-year change (or empty). */
    public record Line(String name, String value, String change) {
    }

    public static List<Line> lines(AnnualFigures f) {
        List<Line> lines = new ArrayList<>();
        var c = f.changePercent();
        lines.add(new Line("持证执法人员（人）", "" + f.officersCertified(), pct(c.get("officersCertified"))));
        lines.add(new Line("新增执法人员（人）", "" + f.officersNew(), ""));
        lines.add(new Line("注销执法证（人）", "" + f.certificatesRevoked(), ""));
        lines.add(new Line("执法参与率（%）", f.participationRate().toPlainString(), ""));
        lines.add(new Line("检查企业（家）", "" + f.firmsInspected(), pct(c.get("firmsInspected"))));
        lines.add(new Line("检查（家次）", "" + f.inspectionVisits(), pct(c.get("inspectionVisits"))));
        f.visitsByKind().forEach((k, v) -> lines.add(new Line("　" + ReportingManagement.label(k) + "（家次）", "" + v, "")));
        f.visitsByMode().forEach((k, v) -> lines.add(new Line("　" + ReportingManagement.label(k) + "（家次）", "" + v, "")));
        lines.add(new Line("出动执法人员（人次）", "" + f.officerVisits(), pct(c.get("officerVisits"))));
        lines.add(new Line("年度计划检查（家次）", "" + f.planCompletion().planned(), ""));
        lines.add(new Line("计划检查完成（家次）", "" + f.planCompletion().done(), ""));
        lines.add(new Line("计划完成率（%）", f.planCompletion().rate().toPlainString(), ""));
        lines.add(new Line("双随机抽取企业（家）", "" + f.randomChecks().firmsDrawn(), pct(c.get("firmsDrawn"))));
        lines.add(new Line("　已检查（家）", "" + f.randomChecks().firmsInspected(), ""));
        lines.add(new Line("　部门联合抽查（家）", "" + f.randomChecks().jointDrawn(), ""));
        lines.add(new Line("　交叉执法（家）", "" + f.randomChecks().crossDrawn(), ""));
        lines.add(new Line("发现隐患（项）", "" + f.hazardsFound(), pct(c.get("hazardsFound"))));
        lines.add(new Line("重大事故隐患（项）", "" + f.majorHazardsFound(), pct(c.get("majorHazardsFound"))));
        lines.add(new Line("重大事故隐患已整改（项）", "" + f.majorHazardsRectified(), ""));
        lines.add(new Line("隐患整改率（%）", "" + f.rectificationRate(), ""));
        lines.add(new Line("挂牌督办（项）", "" + f.hazardsSupervised(), ""));
        lines.add(new Line("曝光（项）", "" + f.hazardsExposed(), ""));
        lines.add(new Line("企业自报隐患（项）", "" + f.hazardsSelfReported(), ""));
        lines.add(new Line("立案（件）", "" + f.casesFiled(), pct(f.filedChangePercent())));
        f.casesFiledByKind().forEach((k, v) -> lines.add(new Line("　" + ReportingManagement.label(k) + "立案（件）", "" + v, "")));
        lines.add(new Line("作出处罚决定（件）", "" + f.casesDecided(), pct(c.get("casesDecided"))));
        f.decidedByKind().forEach((k, v) -> lines.add(new Line("　" + ReportingManagement.label(k) + "决定（件）", "" + v, "")));
        lines.add(new Line("罚款（万元）", AnnualFigures.wan(f.finesYuan()), pct(f.finesChangePercent())));
        f.finesByKind().forEach((k, v) -> lines.add(new Line("　" + ReportingManagement.label(k) + "罚款（万元）", AnnualFigures.wan(v), "")));
        lines.add(new Line("处罚个人（人）", "" + f.individualsFined(), ""));
        lines.add(new Line("对个人罚款（万元）", AnnualFigures.wan(f.finesOnIndividualsYuan()), ""));
        lines.add(new Line("简易程序（件）", "" + f.summaryPenalties(), ""));
        lines.add(new Line("一案双罚占比（%）", f.dualPenaltyShare().toPlainString(), ""));
        lines.add(new Line("不予处罚（件）", "" + f.notPunished(), ""));
        lines.add(new Line("法制审核（件）", "" + f.legalReviews(), pct(c.get("legalReviews"))));
        lines.add(new Line("案审会（次）", "" + f.meetings(), ""));
        lines.add(new Line("集体讨论案件（件）", "" + f.casesDiscussed(), ""));
        lines.add(new Line("听证（次）", "" + f.hearings(), ""));
        lines.add(new Line("行政强制措施（次）", "" + f.coerciveMeasures(), ""));
        lines.add(new Line("移送案件（件）", "" + f.transfers(), ""));
        lines.add(new Line("涉嫌犯罪移送（件）", "" + f.criminalTransfers(), ""));
        lines.add(new Line("列入严重失信主体名单（家）", "" + f.seriousList().listed(), ""));
        lines.add(new Line("移出严重失信主体名单（家）", "" + f.seriousList().removed(), ""));
        lines.add(new Line("制作执法文书（份）", "" + f.documentsIssued(), pct(c.get("documentsIssued"))));
        lines.add(new Line("应公示处罚决定（条）", "" + f.publicityDue(), ""));
        lines.add(new Line("已公示（条）", "" + f.published(), pct(c.get("published"))));
        lines.add(new Line("按时公示率（%）", f.publicityRate().toPlainString(), ""));
        return lines;
    }

    private static String pct(BigDecimal change) {
        if (change == null) {
            return "";
        }
        return (change.signum() > 0 ? "+" : "") + change.toPlainString() + "%";
    }

    public static byte[] write(AnnualFigures f, List<ReportingManagement.UnitRow> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet figures = book.createSheet("年度统计");
            row(figures, 0, f.scopeName() + f.year() + "年度执法统计");
            row(figures, 1, "指标", "数值", "同比");
            int r = 2;
            for (Line line : lines(f)) {
                row(figures, r++, line.name(), line.value(), line.change());
            }
            if (!f.notRecorded().isEmpty()) {
                row(figures, r + 1, "平台尚未记录：" + String.join("、", f.notRecorded()));
            }
            figures.setColumnWidth(0, 30 * 256);
            Sheet campaigns = book.createSheet("专项执法");
            row(campaigns, 0, "专项", "检查企业（家）", "发现隐患（条）", "重大隐患（条）", "立案（件）", "罚款（万元）");
            int k = 1;
            for (cn.zhifa.reporting.CampaignFigures c : f.campaigns()) {
                row(campaigns, k++, c.name(), "" + c.firmsInspected(), "" + c.hazards(), "" + c.majorHazards(), "" + c.casesFiled(),
                        AnnualFigures.wan(c.finesYuan()));
            }
            if (f.campaigns().isEmpty()) {
                row(campaigns, 1, "本年度计划未部署专项执法行动。");
            }
            campaigns.setColumnWidth(0, 30 * 256);
            Sheet work = book.createSheet("其他工作");
            row(work, 0, "类别", "指标", "数值", "单位");
            int w = 1;
            for (cn.zhifa.reporting.WorkFigure figure : f.workFigures()) {
                row(work, w++, figure.section(), figure.label(), figure.value().stripTrailingZeros().toPlainString(), figure.unit());
            }
            if (f.workFigures().isEmpty()) {
                row(work, 1, "本年度没有其他工作的统计数据。");
            }
            work.setColumnWidth(1, 30 * 256);
            Sheet units = book.createSheet("分单位");
            row(units, 0, "单位", "检查企业（家）", "检查（家次）", "发现隐患（项）", "重大隐患（项）", "立案（件）", "处罚决定（件）",
                    "罚款（万元）", "已公示（条）");
            int u = 1;
            for (ReportingManagement.UnitRow row : rows) {
                row(units, u++, row.unit(), "" + row.firmsInspected(), "" + row.inspectionVisits(), "" + row.hazardsFound(),
                        "" + row.majorHazardsFound(), "" + row.casesFiled(), "" + row.casesDecided(),
                        AnnualFigures.wan(row.finesYuan()), "" + row.published());
            }
            units.setColumnWidth(0, 30 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void row(Sheet sheet, int index, String... cells) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < cells.length; i++) {
            String cell = cells[i];
            if (i > 0 && cell.matches("-?\\d+(\\.\\d+)?")) {
                row.createCell(i).setCellValue(Double.parseDouble(cell));
            } else {
                row.createCell(i).setCellValue(cell);
            }
        }
    }
}

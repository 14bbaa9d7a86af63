package cn.zhifa.supervision.review;

import cn.zhifa.supervision.review.CaseReviewViews.FileView;
import cn.zhifa.supervision.review.CaseReviewViews.PlanDetail;
import cn.zhifa.supervision.review.CaseReviewViews.ProblemView;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** The report of a review plan as DOCX: files reviewed, average score, grade distribution, problems by group, each file. */
public final class CaseReviewReport {

    private CaseReviewReport() {}

    public static byte[] docx(PlanDetail plan) {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XWPFParagraph title = doc.createParagraph();
            title.setAlignment(ParagraphAlignment.CENTER);
            XWPFRun t = title.createRun();
            t.setBold(true);
            t.setFontSize(16);
            t.setText(plan.year() + "年度行政执法案卷评查情况报告");
            paragraph(doc, "评查计划：" + plan.name() + "；评查标准：" + plan.standardName() + "。");
            var s = plan.summary();
            paragraph(doc, "一、总体情况。本次共抽取案卷 " + s.files() + " 件，已评查 " + s.scored() + " 件，平均得分 "
                    + (s.averageScore() == null ? "—" : s.averageScore().toPlainString()) + " 分；发现问题 "
                    + plan.problems().size() + " 个。");
            paragraph(doc, "二、评查等次分布。");
            table(doc, List.of("等次", "案卷数"), s.grades());
            paragraph(doc, "三、发现问题按类别统计。");
            table(doc, List.of("类别", "问题数"), s.problemsByGroup());
            paragraph(doc, "四、案卷评查结果。");
            XWPFTable files = doc.createTable(1, 5);
            row(files, 0, "案卷", "承办单位", "评查人员", "得分", "等次");
            for (FileView f : plan.files()) {
                var r = files.createRow();
                fill(r, f.caseLabel(), f.unitName(), f.reviewerName(),
                        f.score() == null ? "—" : f.score().stripTrailingZeros().toPlainString() + (f.vetoed() ? "（否决）" : ""),
                        f.grade());
            }
            paragraph(doc, "五、问题清单及整改要求。");
            XWPFTable problems = doc.createTable(1, 5);
            row(problems, 0, "案卷", "类别", "问题", "整改期限", "整改情况");
            for (ProblemView p : plan.problems()) {
                fill(problems.createRow(), p.caseLabel(), p.groupLabel(), p.text(), String.valueOf(p.dueOn()),
                        p.reply() == null ? (p.overdue() ? "逾期未回复" : "待回复") : p.reply());
            }
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFDocument doc, String text) {
        doc.createParagraph().createRun().setText(text);
    }

    private static void table(XWPFDocument doc, List<String> head, Map<String, Long> counts) {
        XWPFTable table = doc.createTable(1, 2);
        row(table, 0, head.toArray(String[]::new));
        counts.forEach((k, v) -> fill(table.createRow(), k, String.valueOf(v)));
    }

    private static void row(XWPFTable table, int index, String... cells) {
        fill(table.getRow(index), cells);
    }

    private static void fill(org.apache.poi.xwpf.usermodel.XWPFTableRow row, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            var cell = row.getCell(i) == null ? row.addNewTableCell() : row.getCell(i);
            cell.setText(cells[i] == null ? "" : cells[i]);
        }
    }

    static String points(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}

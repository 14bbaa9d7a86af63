package cn.zhifa.reporting.internal;

import cn.zhifa.reporting.AnnualFigures;
import cn.zhifa.reporting.PeriodReport;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

/**
 * A {@link PeriodReport} in the usual 统计报表 layout: title, 填报单位 / 统计期间 / 金额单位, a two-level header, one row per
 * unit, 合计, and the signature line (单位负责人、填表人、填报日期).
 */
public final class PeriodWorkbook {

    private static final String[][] GROUPS = {
            {"单位", "1"}, {"检查企业（家）", "1"}, {"检查（家次）", "5"}, {"出动执法人员（人次）", "1"}, {"隐患（项）", "3"},
            {"立案（件）", "2"}, {"作出处罚决定（件）", "2"}, {"罚款（万元）", "2"}, {"执法文书（份）", "1"}};
    private static final String[] COLUMNS = {"", "", "合计", "重点检查", "一般检查", "其他检查", "其中线上", "", "发现",
            "其中重大", "销号", "执法处罚", "事故处罚", "执法处罚", "事故处罚", "执法处罚", "事故处罚", ""};

    private PeriodWorkbook() {
    }

    public static byte[] write(PeriodReport report, LocalDate today) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(report.period().label());
            CellStyle boxed = book.createCellStyle();
            boxed.setBorderTop(BorderStyle.THIN);
            boxed.setBorderBottom(BorderStyle.THIN);
            boxed.setBorderLeft(BorderStyle.THIN);
            boxed.setBorderRight(BorderStyle.THIN);
            boxed.setAlignment(HorizontalAlignment.CENTER);
            boxed.setVerticalAlignment(VerticalAlignment.CENTER);
            boxed.setWrapText(true);
            int last = COLUMNS.length - 1;
            sheet.createRow(0).createCell(0).setCellValue(report.unit() + "安全生产行政执法统计报表（" + report.period().label() + "）");
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            Row info = sheet.createRow(1);
            info.createCell(0).setCellValue("填报单位：" + report.unit() + "　　统计期间：" + report.period().from() + " 至 "
                    + report.period().to() + "　　金额单位：万元");
            sheet.addMergedRegion(new CellRangeAddress(1, 1, 0, last));
            Row groups = sheet.createRow(2);
            Row columns = sheet.createRow(3);
            int c = 0;
            for (String[] group : GROUPS) {
                int span = Integer.parseInt(group[1]);
                for (int i = 0; i < span; i++) {
                    groups.createCell(c + i).setCellStyle(boxed);
                    columns.createCell(c + i).setCellStyle(boxed);
                    columns.getCell(c + i).setCellValue(COLUMNS[c + i]);
                }
                groups.getCell(c).setCellValue(group[0]);
                if (span > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(2, 2, c, c + span - 1));
                } else {
                    sheet.addMergedRegion(new CellRangeAddress(2, 3, c, c));
                }
                c += span;
            }
            int r = 4;
            for (PeriodReport.Row row : report.rows()) {
                write(sheet.createRow(r++), row, boxed);
            }
            write(sheet.createRow(r++), report.total(), boxed);
            sheet.createRow(r + 1).createCell(0).setCellValue("单位负责人：　　　　　　填表人：　　　　　　填报日期："
                    + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
            sheet.setColumnWidth(0, 28 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, PeriodReport.Row r, CellStyle style) {
        Object[] values = {r.unit(), r.firms(), r.visits(), r.keyVisits(), r.generalVisits(), r.otherVisits(), r.onlineVisits(),
                r.officerVisits(), r.hazardsFound(), r.majorHazardsFound(), r.hazardsClosed(), r.filedEnforcement(),
                r.filedAccident(), r.decidedEnforcement(), r.decidedAccident(), AnnualFigures.wan(r.finesEnforcementYuan()),
                AnnualFigures.wan(r.finesAccidentYuan()), r.documentsIssued()};
        for (int i = 0; i < values.length; i++) {
            var cell = row.createCell(i);
            cell.setCellStyle(style);
            if (values[i] instanceof Long n) {
                cell.setCellValue(n);
            } else if (i > 0) {
                cell.setCellValue(Double.parseDouble((String) values[i]));
            } else {
                cell.setCellValue((String) values[i]);
            }
        }
    }
}

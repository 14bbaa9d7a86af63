package cn.zhifa.credit.internal;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;

/** The monthly report for the higher authority: the month's listings and removals, one row each (XLSX). */
@Component
public class ListingReport {

    static final String[] HEADERS = {"序号", "事项", "主体名称", "统一社会信用代码", "列入情形", "所涉行政处罚", "列入决定书文号",
            "列入日期", "管理期限届满日", "移出日期", "移出方式", "移出理由", "停止公示日期", "停止公示期限", "决定机关"};

    private final Listings listings;

    ListingReport(Listings listings) {
        this.listings = listings;
    }

    public byte[] monthly(YearMonth month, Collection<Long> orgs) {
        LocalDate from = month.atDay(1);
        LocalDate to = month.atEndOfMonth();
        List<Listing> rows = orgs.isEmpty() ? List.of() : listings.decidedOrRemovedBetween(from, to, orgs);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(month + " 严重失信主体名单");
            Row title = sheet.createRow(0);
            title.createCell(0).setCellValue(month.getYear() + " 年 " + month.getMonthValue() + " 月安全生产严重失信主体名单列入、移出情况");
            Row head = sheet.createRow(1);
            for (int i = 0; i < HEADERS.length; i++) {
                head.createCell(i).setCellValue(HEADERS[i]);
            }
            int r = 2;
            for (Listing l : rows) {
                boolean removedInMonth = l.removedOn() != null && !l.removedOn().isBefore(from) && !l.removedOn().isAfter(to);
                boolean listedInMonth = l.decidedOn() != null && !l.decidedOn().isBefore(from) && !l.decidedOn().isAfter(to);
                if (listedInMonth) {
                    write(sheet.createRow(r++), r - 2, "列入", l, false);
                }
                if (removedInMonth) {
                    write(sheet.createRow(r++), r - 2, "移出", l, true);
                }
            }
            Row total = sheet.createRow(r + 1);
            total.createCell(0).setCellValue("合计 " + (r - 2) + " 项");
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, int n, String what, Listing l, boolean removal) {
        String[] values = {String.valueOf(n), what, l.enterpriseName(), nz(l.uscc()), l.groundText(), nz(l.caseReference()),
                nz(l.decisionNumber()), str(l.decidedOn()), str(l.expiresOn()), removal ? str(l.removedOn()) : "",
                removal && l.removalKind() != null ? l.removalKind().label() : "", removal ? nz(l.removalReason()) : "",
                removal ? str(l.publicationStoppedOn()) : "", removal ? str(l.publicationStopDue()) : "", l.authority()};
        for (int i = 0; i < values.length; i++) {
            row.createCell(i).setCellValue(values[i]);
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String str(LocalDate d) {
        return d == null ? "" : d.toString();
    }
}

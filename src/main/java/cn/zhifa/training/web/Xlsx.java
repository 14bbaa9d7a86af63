package cn.zhifa.training.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriUtils;

/** The module's Excel exports (one sheet, a title row) and the query string the pager keeps. */
final class Xlsx {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Xlsx() {
    }

    static ResponseEntity<byte[]> of(String name, List<String> titles, List<List<Object>> rows) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(name);
            Row head = sheet.createRow(0);
            for (int i = 0; i < titles.size(); i++) {
                head.createCell(i).setCellValue(titles.get(i));
                sheet.setColumnWidth(i, 16 * 256);
            }
            int r = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    Object v = values.get(i);
                    if (v instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        row.createCell(i).setCellValue(v == null ? "" : v.toString());
                    }
                }
            }
            book.write(out);
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                            .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                    .contentType(XLSX).body(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "a=1&b=x&" of the non-empty values, for the pager's links. */
    static String query(Object... pairs) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            values.put((String) pairs[i], pairs[i + 1]);
        }
        StringBuilder out = new StringBuilder();
        values.forEach((k, v) -> {
            if (v != null && !v.toString().isBlank()) {
                out.append(k).append('=').append(UriUtils.encodeQueryParam(v.toString(), StandardCharsets.UTF_8)).append('&');
            }
        });
        return out.toString();
    }
}

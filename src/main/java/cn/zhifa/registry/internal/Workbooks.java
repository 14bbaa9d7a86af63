package cn.zhifa.registry.internal;

import cn.zhifa.shared.RuleViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads and writes .xlsx with Apache POI: reading streams the first sheet through SAX (a 100k-row file never
 * becomes a DOM) and stops at the row limit or at an over-long cell; writing uses SXSSF (100 rows in memory).
 * Limits are checked before parsing: size, empty file, the ZIP magic bytes of a real .xlsx.
 */
public final class Workbooks {

    private static final byte[] ZIP_MAGIC = {0x50, 0x4B, 0x03, 0x04};

    private Workbooks() {
    }

    /** A data row of the sheet with its 1-based Excel row number. */
    public record SheetRow(int number, List<String> cells) {
    }

    /**
     * {@code maxExpandedBytes}: all entries of the .xlsx (a ZIP) together once decompressed;
     * {@code maxSharedStringsBytes}: the shared-strings part, which POI keeps in memory — both cap a ZIP bomb.
     */
    public record Limits(int maxRows, long maxFileBytes, int maxCellChars, long maxExpandedBytes, long maxSharedStringsBytes) {

        public static final long DEFAULT_MAX_EXPANDED = 512L * 1024 * 1024;
        public static final long DEFAULT_MAX_SHARED_STRINGS = 128L * 1024 * 1024;

        public Limits(int maxRows, long maxFileBytes, int maxCellChars) {
            this(maxRows, maxFileBytes, maxCellChars, DEFAULT_MAX_EXPANDED, DEFAULT_MAX_SHARED_STRINGS);
        }
    }

    private static String megabytes(long bytes) {
        return bytes / 1024 / 1024 + " MB";
    }

    /** Refuses, with a Chinese reason, anything that is not a plausible .xlsx within the limits. */
    public static void checkFile(String fileName, byte[] content, Limits limits) {
        checkFile(fileName, content == null ? 0 : content.length, content == null ? new byte[0] : content, limits);
    }

    private static void checkFile(String fileName, long size, byte[] head, Limits limits) {
        if (size == 0) {
            throw new RuleViolation("上传的文件为空，请选择填写好的 .xlsx 文件。");
        }
        checkSize(size, limits);
        boolean zip = head.length >= 4 && head[0] == ZIP_MAGIC[0] && head[1] == ZIP_MAGIC[1]
                && head[2] == ZIP_MAGIC[2] && head[3] == ZIP_MAGIC[3];
        if (!zip || fileName == null || !fileName.toLowerCase().endsWith(".xlsx")) {
            throw new RuleViolation("只接受 Excel 2007 及以上的 .xlsx 文件（.xls、.csv、.et 等请在 Excel/WPS 中另存为 .xlsx 后再导入）。");
        }
    }

    private static void checkSize(long size, Limits limits) {
        if (size > limits.maxFileBytes()) {
            throw new RuleViolation("文件大小 " + megabytes(size) + " 超过上限 " + megabytes(limits.maxFileBytes())
                    + "，请拆分后分批导入。");
        }
    }

    /**
     * Receives an upload into a temporary file: refuses from the declared size before reading, stops copying at the
     * limit, then checks the kind and what the ZIP expands to. The caller deletes the file; on refusal it is gone.
     */
    public static java.nio.file.Path receive(String fileName, long declaredSize, java.io.InputStream in, Limits limits) {
        if (declaredSize > 0) {
            checkSize(declaredSize, limits);
        }
        java.nio.file.Path file;
        try {
            file = java.nio.file.Files.createTempFile("zhifa-import-", ".xlsx");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            long copied = 0;
            byte[] head = new byte[4];
            int headLength = 0;
            try (OutputStream out = java.nio.file.Files.newOutputStream(file)) {
                byte[] buffer = new byte[64 * 1024];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    copied += n;
                    checkSize(copied, limits);
                    while (headLength < 4 && headLength < copied) {
                        head[headLength] = buffer[headLength - (int) (copied - n)];
                        headLength++;
                    }
                    out.write(buffer, 0, n);
                }
            }
            checkFile(fileName, copied, java.util.Arrays.copyOf(head, headLength), limits);
            checkExpansion(file, limits);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new RuleViolation("无法读取上传的文件，请重新上传。");
        } catch (RuntimeException refused) {
            delete(file);
            throw refused;
        }
    }

    /**
     * Refuses a ZIP bomb before POI opens it: inflates every entry with a running count (the sizes in the ZIP's
     * directory may lie) and stops at the shared-strings and the total limits.
     */
    public static void checkExpansion(java.nio.file.Path file, Limits limits) {
        long total = 0;
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            var entries = zip.entries();
            byte[] buffer = new byte[64 * 1024];
            while (entries.hasMoreElements()) {
                var entry = entries.nextElement();
                boolean sharedStrings = entry.getName().toLowerCase().contains("sharedstrings");
                long entrySize = 0;
                try (java.io.InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        entrySize += n;
                        total += n;
                        if (sharedStrings && entrySize > limits.maxSharedStringsBytes()) {
                            throw new RuleViolation("文件内容异常：共享字符串解压后超过 " + megabytes(limits.maxSharedStringsBytes())
                                    + "（单元格内容过大或疑似压缩炸弹），已拒绝导入，未保存任何内容。");
                        }
                        if (total > limits.maxExpandedBytes()) {
                            throw new RuleViolation("文件内容异常：解压后超过 " + megabytes(limits.maxExpandedBytes())
                                    + "，远超文件本身大小（疑似压缩炸弹），已拒绝导入，未保存任何内容。");
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException broken) {
            throw new RuleViolation("无法读取该 .xlsx 文件，文件可能已损坏或不是 Excel 工作簿，请用 Excel/WPS 另存后重试。");
        }
    }

    private static void delete(java.nio.file.Path file) {
        try {
            java.nio.file.Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file left behind is removed by the OS
        }
    }

    /** The rows of the first sheet, header first; refuses when the sheet is over the limits or unreadable. */
    public static List<SheetRow> read(byte[] content, Limits limits) {
        java.nio.file.Path file;
        try {
            // from a file POI streams the sheet entry; from memory it would buffer it whole (and cap it at 100 MB)
            file = java.nio.file.Files.createTempFile("zhifa-import-", ".xlsx");
            java.nio.file.Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return read(file, limits);
        } finally {
            delete(file);
        }
    }

    /** The rows of the first sheet of an .xlsx file, header first (the file is left in place). */
    public static List<SheetRow> read(java.nio.file.Path file, Limits limits) {
        List<SheetRow> rows = new ArrayList<>();
        org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(Math.max(limits.maxExpandedBytes(), 1));
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new RuleViolation("文件中没有工作表。");
            }
            try (var sheet = sheets.next()) {
                XMLReader parser = SAXHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
                        new Collector(rows, limits), new DataFormatter(), false));
                parser.parse(new InputSource(sheet));
            }
        } catch (RuleViolation refused) {
            throw refused;
        } catch (Exception e) {
            RuleViolation cause = findRefusal(e);
            if (cause != null) {
                throw cause;
            }
            org.slf4j.LoggerFactory.getLogger(Workbooks.class).info("unreadable .xlsx: {}", e.toString());
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("exceed")) {
                throw new RuleViolation("文件内容异常：解压后的数据量远超文件大小（单元格内容过大或疑似压缩炸弹），已拒绝导入。");
            }
            throw new RuleViolation("无法读取该 .xlsx 文件，文件可能已损坏或不是 Excel 工作簿，请用 Excel/WPS 另存后重试。");
        }
        return rows;
    }

    private static RuleViolation findRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RuleViolation refusal) {
                return refusal;
            }
        }
        return null;
    }

    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final List<SheetRow> rows;
        private final Limits limits;
        private List<String> current;
        private int column;

        Collector(List<SheetRow> rows, Limits limits) {
            this.rows = rows;
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            if (rowNum > limits.maxRows()) {
                throw new RuleViolation("文件超过 " + limits.maxRows() + " 行企业数据的上限，请拆分后分批导入。");
            }
            current = new ArrayList<>();
            column = -1;
        }

        @Override
        public void endRow(int rowNum) {
            if (current.stream().anyMatch(c -> c != null && !c.isBlank())) {
                rows.add(new SheetRow(rowNum + 1, current));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = reference == null ? column + 1 : new CellReference(reference).getCol();
            if (value != null && value.length() > limits.maxCellChars()) {
                throw new RuleViolation("第 " + (rows.size() + 2) + " 行第 " + CellReference.convertNumToColString(col)
                        + " 列的内容有 " + value.length() + " 个字符，超过单元格上限 " + limits.maxCellChars() + "。");
            }
            while (current.size() < col) {
                current.add("");
            }
            if (col < 64) {
                current.add(value);
            }
            column = col;
        }
    }

    /** An .xlsx with a header row and the given rows; {@code highlightLast} marks the last column (errors) in red. */
    public static void write(List<String> headers, Iterable<List<String>> rows, boolean highlightLast, OutputStream out) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("企业");
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            CellStyle error = workbook.createCellStyle();
            Font red = workbook.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            error.setFont(red);
            Row first = sheet.createRow(0);
            for (int i = 0; i < headers.size(); i++) {
                var cell = first.createCell(i);
                cell.setCellValue(headers.get(i));
                cell.setCellStyle(header);
                sheet.setColumnWidth(i, 20 * 256);
                sheet.setDefaultColumnStyle(i, text);
            }
            int r = 1;
            for (List<String> values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.size(); i++) {
                    var cell = row.createCell(i);
                    String value = values.get(i) == null ? "" : values.get(i);
                    cell.setCellValue(value.length() > 32_000 ? value.substring(0, 32_000) : value);
                    cell.setCellStyle(highlightLast && i == values.size() - 1 ? error : text);
                }
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            workbook.dispose();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The import template: the header row, one example row and a sheet of instructions. */
    public static byte[] template(List<String> example, Map<String, String> notes) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("企业");
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Row header = sheet.createRow(0);
            Row sample = sheet.createRow(1);
            for (int i = 0; i < EnterpriseSheet.HEADERS.size(); i++) {
                header.createCell(i).setCellValue(EnterpriseSheet.HEADERS.get(i));
                var cell = sample.createCell(i);
                cell.setCellStyle(text);
                cell.setCellValue(example.get(i));
                sheet.setColumnWidth(i, 22 * 256);
                sheet.setDefaultColumnStyle(i, text);
            }
            Sheet help = workbook.createSheet("填写说明");
            int r = 0;
            for (Map.Entry<String, String> note : notes.entrySet()) {
                Row row = help.createRow(r++);
                row.createCell(0).setCellValue(note.getKey());
                row.createCell(1).setCellValue(note.getValue());
            }
            help.setColumnWidth(0, 24 * 256);
            help.setColumnWidth(1, 100 * 256);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

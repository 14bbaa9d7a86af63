package cn.zhifa.training.internal;

import cn.zhifa.shared.RuleViolation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The 题库 workbook: one question a row under a title row — 题型, 题干, 选项A … 选项F, 正确答案, 解析, 法律法规, 条款, 岗位,
 * 行业, 难度. The file is refused before it is parsed when it is too large, not an .xlsx, or expands beyond the cap
 * (a zip bomb), as the enterprise import does.
 */
public final class QuestionSheet {

    public static final List<String> TITLES = List.of("题型", "题干", "选项A", "选项B", "选项C", "选项D", "选项E", "选项F",
            "正确答案", "解析", "法律法规", "条款", "岗位", "行业", "难度");
    static final long MAX_FILE_BYTES = 5L * 1024 * 1024;
    static final long MAX_EXPANDED_BYTES = 64L * 1024 * 1024;
    static final int MAX_ROWS = 5000;

    private QuestionSheet() {
    }

    /** One data row: its number as Excel shows it, the question read from it, or what made it unreadable. */
    public record Row(int number, QuestionBank.NewQuestion question, String problem) {
    }

    public static List<Row> read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new RuleViolation("请选择要导入的 Excel 文件。");
        }
        if (content.length > MAX_FILE_BYTES) {
            throw new RuleViolation("文件超过 5 MB，请分批导入。");
        }
        if (content.length < 4 || content[0] != 0x50 || content[1] != 0x4B || fileName == null
                || !fileName.toLowerCase().endsWith(".xlsx")) {
            throw new RuleViolation("请上传 Excel 2007 及以上格式（.xlsx）的文件。");
        }
        checkExpansion(content);
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<Row> rows = new ArrayList<>();
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                if (row.getRowNum() == 0) {
                    continue;
                }
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < TITLES.size(); c++) {
                    cells.add(format.formatCellValue(row.getCell(c, org.apache.poi.ss.usermodel.Row.MissingCellPolicy.RETURN_BLANK_AS_NULL)).strip());
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    throw new RuleViolation("一次最多导入 " + MAX_ROWS + " 道试题。");
                }
                rows.add(row(row.getRowNum() + 1, cells));
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof RuleViolation refusal) {
                throw refusal;
            }
            throw new RuleViolation("无法读取该 Excel 文件，请检查文件是否损坏。");
        }
    }

    private static Row row(int number, List<String> cells) {
        QuestionKind kind = QuestionKind.ofLabel(cells.get(0));
        if (kind == null) {
            return new Row(number, null, "题型“" + cells.get(0) + "”应为单选题、多选题或判断题");
        }
        List<String> options = new ArrayList<>(cells.subList(2, 8));
        while (!options.isEmpty() && options.get(options.size() - 1).isEmpty()) {
            options.remove(options.size() - 1);
        }
        if (kind == QuestionKind.TRUE_FALSE && options.isEmpty()) {
            options = List.of("正确", "错误");
        }
        String answer = cells.get(8);
        if (kind == QuestionKind.TRUE_FALSE) {
            answer = switch (answer) {
                case "正确", "对", "√" -> "A";
                case "错误", "错", "×" -> "B";
                default -> answer;
            };
        }
        int difficulty = Question.DIFFICULTIES.indexOf(cells.get(14)) + 1;
        if (difficulty == 0 && cells.get(14).matches("[123]")) {
            difficulty = Integer.parseInt(cells.get(14));
        }
        if (difficulty == 0) {
            return new Row(number, null, "难度“" + cells.get(14) + "”应为基础、中等或较难");
        }
        if (!answer.isEmpty() && !answer.toUpperCase().matches("[A-H ,，、]+")) {
            return new Row(number, null, "正确答案“" + answer + "”应为选项字母，如 A 或 ACD");
        }
        return new Row(number, new QuestionBank.NewQuestion(kind, cells.get(1), options, answer, cells.get(9), cells.get(10),
                cells.get(11), cells.get(12), cells.get(13), difficulty), null);
    }

    /** Refuses a workbook whose parts expand beyond the cap, counting the inflated bytes before POI parses anything. */
    static void checkExpansion(byte[] content) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                InputStream in = zip;
                int n;
                while ((n = in.read(buffer)) > 0) {
                    total += n;
                    if (total > MAX_EXPANDED_BYTES) {
                        throw new RuleViolation("该 Excel 文件解压后超过 64 MB，已拒绝（疑似压缩炸弹）。");
                    }
                }
            }
        } catch (IOException e) {
            throw new RuleViolation("无法读取该 Excel 文件，请检查文件是否损坏。");
        }
    }
}

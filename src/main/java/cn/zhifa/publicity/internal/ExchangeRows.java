package cn.zhifa.publicity.internal;

import cn.zhifa.law.IdNumber;
import cn.zhifa.law.Uscc;
import cn.zhifa.publicity.Channel;
import cn.zhifa.publicity.ExchangeFile;
import cn.zhifa.shared.RuleViolation;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * The 双公示 行政处罚 exchange format: the national field list, amounts in 万元 with 6 decimals, natural persons' ID
 * numbers masked. Every row is checked before a file is written: mandatory fields filled, 统一社会信用代码 valid
 * (GB 32100), a natural person's ID number valid (GB 11643).
 */
@Component
public class ExchangeRows {

    /** The national field list in its order; {@code *} marks a mandatory field. */
    public static final List<String> FIELDS = List.of("行政相对人名称*", "行政相对人类别*", "统一社会信用代码", "工商注册号",
            "组织机构代码", "税务登记号", "事业单位证书号", "社会组织登记证号", "法定代表人", "法定代表人证件类型",
            "法定代表人证件号码", "证件类型", "证件号码", "行政处罚决定书文号*", "违法行为类型*", "违法事实*", "处罚依据*",
            "处罚类别*", "处罚内容*", "罚款金额（万元）", "没收违法所得、没收非法财物的金额（万元）", "暂扣或吊销证照名称及编号",
            "处罚决定日期*", "处罚有效期*", "公示截止期*", "处罚机关*", "处罚机关统一社会信用代码*", "数据来源单位*",
            "数据来源单位统一社会信用代码*", "备注");

    static final String LONG_TERM = "2099-12-31";

    private final PublicityRules rules;

    ExchangeRows(PublicityRules rules) {
        this.rules = rules;
    }

    public ExchangeFile file(List<Publication> publications, boolean xlsx, LocalDate from, LocalDate to, Channel channel) {
        List<List<String>> rows = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Publication p : publications) {
            List<String> row = row(p);
            problems.addAll(check(p, row));
            rows.add(row);
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation("交换文件未通过校验，未生成文件，也未标记报送：" + String.join("；", problems.stream().limit(20).toList())
                    + (problems.size() > 20 ? "；等共" + problems.size() + "处问题" : "") + "。");
        }
        String name = "双公示-行政处罚-" + channel.label() + "-" + from + "至" + to + (xlsx ? ".xlsx" : ".csv");
        return xlsx ? new ExchangeFile(name, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx(rows), rows.size())
                : new ExchangeFile(name, "text/csv;charset=UTF-8", csv(rows), rows.size());
    }

    List<String> row(Publication p) {
        String address = p.person() ? p.partyAddress() : null;
        String authorityCode = rules.authorityCodes().getOrDefault(p.authority(), "");
        return List.of(
                text(p.partyName()),
                p.person() ? "自然人" : "法人及非法人组织",
                p.person() ? "" : text(p.partyCode()),
                "", "", "", "", "",
                p.person() ? "" : text(p.legalRepresentative()),
                p.person() || blank(p.legalRepresentative()) ? "" : "身份证",
                "",
                p.person() ? "身份证" : "",
                p.person() ? text(PersonalData.maskCode(p.partyCode())) : "",
                text(p.decisionNumber()),
                text(PersonalData.mask(p.violation(), address)),
                text(PersonalData.mask(blank(p.facts()) ? p.violation() : p.facts(), address)),
                text(p.basis()),
                categories(p),
                text(PersonalData.mask(p.penalty(), address)),
                wan(p.fineYuan()),
                wan(BigDecimal.ZERO),
                "",
                p.decidedOn().toString(),
                LONG_TERM,
                p.expiresOn() == null ? "" : p.expiresOn().toString(),
                text(p.authority()),
                authorityCode,
                text(p.authority()),
                authorityCode,
                "");
    }

    private List<String> check(Publication p, List<String> row) {
        List<String> problems = new ArrayList<>();
        String who = p.decisionNumber() + "（" + p.partyName() + "）";
        for (int i = 0; i < FIELDS.size(); i++) {
            if (FIELDS.get(i).endsWith("*") && row.get(i).isBlank()) {
                problems.add(who + "“" + FIELDS.get(i).replace("*", "") + "”为空");
            }
        }
        if (p.person()) {
            var id = IdNumber.parse(p.partyCode());
            if (!id.valid()) {
                problems.add(who + "身份证号码无效：" + id.reason());
            }
        } else {
            var uscc = Uscc.parse(p.partyCode());
            if (!uscc.valid()) {
                problems.add(who + "统一社会信用代码无效：" + uscc.reason());
            }
        }
        String authorityCode = rules.authorityCodes().get(p.authority());
        if (authorityCode != null && !Uscc.parse(authorityCode).valid()) {
            problems.add("处罚机关" + p.authority() + "的统一社会信用代码无效：" + Uscc.parse(authorityCode).reason());
        }
        return problems;
    }

    static String categories(Publication p) {
        List<String> kinds = new ArrayList<>();
        if (p.fineYuan() != null && p.fineYuan().signum() > 0) {
            kinds.add("罚款");
        }
        String other = p.otherMeasures() == null ? "" : p.otherMeasures();
        if (other.contains("警告")) {
            kinds.add("警告");
        }
        if (other.contains("没收")) {
            kinds.add("没收违法所得、没收非法财物");
        }
        if (other.contains("停产停业")) {
            kinds.add("责令停产停业");
        }
        if (other.contains("吊销") || other.contains("暂扣")) {
            kinds.add("暂扣或者吊销许可证、暂扣或者吊销执照");
        }
        if (other.contains("关闭")) {
            kinds.add("责令关闭");
        }
        return kinds.isEmpty() ? "其他" : String.join(";", kinds);
    }

    /** 元 → 万元 with 6 decimals. */
    static String wan(BigDecimal yuan) {
        return (yuan == null ? BigDecimal.ZERO : yuan).divide(BigDecimal.valueOf(10_000), 6, RoundingMode.HALF_UP).toPlainString();
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(line(FIELDS.stream().map(f -> f.replace("*", "")).toList()));
        rows.forEach(r -> out.append(line(r)));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String line(List<String> cells) {
        return String.join(",", cells.stream().map(c -> "\"" + c.replace("\"", "\"\"") + "\"").toList()) + "\r\n";
    }

    private static byte[] xlsx(List<List<String>> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("行政处罚");
            Row header = sheet.createRow(0);
            for (int i = 0; i < FIELDS.size(); i++) {
                header.createCell(i).setCellValue(FIELDS.get(i).replace("*", ""));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int i = 0; i < rows.get(r).size(); i++) {
                    row.createCell(i).setCellValue(rows.get(r).get(i));
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}

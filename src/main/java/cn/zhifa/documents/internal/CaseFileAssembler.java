package cn.zhifa.documents.internal;

import cn.zhifa.documents.CaseFile;
import cn.zhifa.documents.CaseFileCover;
import cn.zhifa.documents.CaseFileEntry;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfCopy;
import com.lowagie.text.pdf.PdfImportedPage;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Assembles a case file (案卷): cover page (案卷首页), 卷内目录 with page numbers, then the issued PDFs in 立卷顺序
 * with the 页号 stamped on each page; and checks it against the required documents of its procedure
 * ({@code documents/case-file.yml}).
 */
public final class CaseFileAssembler {

    private record Procedure(String label, List<List<String>> required) {}

    private static final int TOC_ROWS_PER_PAGE = 20;

    private final TemplateCatalog catalog;
    private final Map<String, Procedure> procedures;

    public CaseFileAssembler(TemplateCatalog catalog) {
        this.catalog = catalog;
        this.procedures = loadProcedures();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Procedure> loadProcedures() {
        try (InputStream in = CaseFileAssembler.class.getResourceAsStream("/documents/case-file.yml")) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
            Map<String, Procedure> out = new LinkedHashMap<>();
            ((Map<String, Map<String, Object>>) root.get("procedures")).forEach((k, v) ->
                    out.put(k, new Procedure((String) v.get("label"), (List<List<String>>) v.get("requiredDocuments"))));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public CaseFile assemble(CaseFileCover cover, List<CaseFileEntry> entries) {
        Procedure proc = procedures.get(cover.procedure());
        if (proc == null) throw new IllegalArgumentException("未知的案件程序：" + cover.procedure() + "（可选：" + procedures.keySet() + "）");
        List<CaseFileEntry> ordered = new ArrayList<>(entries);
        ordered.sort(Comparator.comparing((CaseFileEntry e) -> order(e.kind()))
                .thenComparing(e -> e.date() == null ? LocalDate.MAX : e.date()));

        List<CaseFile.Item> items = new ArrayList<>();
        int page = 1, n = 1;
        List<Integer> counts = new ArrayList<>();
        for (CaseFileEntry e : ordered) {
            int pages = pageCount(e.pdf());
            counts.add(pages);
            items.add(new CaseFile.Item(n++, e.title(), e.number(), e.date(), page, page + pages - 1));
            page += pages;
        }
        byte[] front = front(proc, cover, items);
        List<String> missing = missingDocuments(proc, ordered);
        List<String> signatures = signatureFindings(ordered);
        byte[] back = back(cover, items.size(), page - 1, missing, signatures);
        byte[] merged = merge(front, ordered, counts, back);
        int total;
        try {
            total = new PdfReader(merged).getNumberOfPages();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return new CaseFile(merged, total, List.copyOf(items), missing, signatures);
    }

    private int order(String kind) {
        return catalog.find(kind).map(Template::filingOrder).map(o -> o == null ? Integer.MAX_VALUE : o).orElse(Integer.MAX_VALUE);
    }

    private List<String> missingDocuments(Procedure proc, List<CaseFileEntry> entries) {
        List<String> out = new ArrayList<>();
        for (List<String> alternatives : proc.required()) {
            boolean present = entries.stream().anyMatch(e -> alternatives.contains(e.kind()));
            if (!present) {
                List<String> titles = alternatives.stream().map(k -> catalog.find(k).map(Template::title).orElse(k)).toList();
                out.add("缺少" + (titles.size() == 1 ? "《" + titles.get(0) + "》" : "《" + String.join("》或《", titles) + "》（其一）"));
            }
        }
        return out;
    }

    private static List<String> signatureFindings(List<CaseFileEntry> entries) {
        List<String> out = new ArrayList<>();
        for (CaseFileEntry e : entries) {
            String doc = "《" + e.title() + "》" + (e.number() == null ? "" : e.number());
            for (String a : e.unsignedAreas()) out.add(doc + "：" + a + "未签名");
            for (String a : e.refusedAreas()) out.add(doc + "：" + a + "拒绝签名（已记录情况）");
        }
        return out;
    }

    private static int pageCount(byte[] pdf) {
        try {
            return new PdfReader(pdf).getNumberOfPages();
        } catch (IOException e) {
            throw new IllegalArgumentException("文书 PDF 无法读取", e);
        }
    }

    // ---------------------------------------------------------------- cover and table of contents

    private byte[] front(Procedure proc, CaseFileCover cover, List<CaseFile.Item> items) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 68, 68, 70, 70);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font title = new Font(Fonts.bold(), 24), big = new Font(Fonts.bold(), 18), body = new Font(Fonts.regular(), 12);
        centered(doc, cover.authorityName(), big, 40);
        centered(doc, "安全生产违法案件", title, 16);
        centered(doc, "案　卷（首页）", big, 12);
        var t = new PdfPTable(new float[] {1.1f, 3f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(36);
        row(t, "案件名称", cover.caseName(), body);
        row(t, "案　　由", cover.cause(), body);
        row(t, "程　　序", proc.label(), body);
        row(t, "处理结果", cover.result(), body);
        row(t, "立案日期", date(cover.filedOn()), body);
        row(t, "结案日期", date(cover.closedOn()), body);
        row(t, "承 办 人", cover.handlers(), body);
        row(t, "归档日期", date(cover.archivedOn()), body);
        row(t, "归 档 号", cover.archiveNo(), body);
        row(t, "保存期限", cover.retention(), body);
        doc.add(t);
        for (int start = 0; start < Math.max(items.size(), 1); start += TOC_ROWS_PER_PAGE) {
            doc.newPage();
            centered(doc, "卷　内　目　录", big, 0);
            var toc = new PdfPTable(new float[] {0.6f, 4.2f, 1.5f, 0.9f, 0.9f});
            toc.setWidthPercentage(100);
            toc.setSpacingBefore(18);
            toc.setHeaderRows(1);
            for (String h : List.of("序号", "文件名称及编号", "日期", "页号", "备注")) cell(toc, h, new Font(Fonts.bold(), 11), Element.ALIGN_CENTER);
            var f = new Font(Fonts.regular(), 10.5f);
            for (CaseFile.Item i : items.subList(start, Math.min(items.size(), start + TOC_ROWS_PER_PAGE))) {
                cell(toc, String.valueOf(i.order()), f, Element.ALIGN_CENTER);
                cell(toc, i.title() + (i.number() == null ? "" : "\n" + i.number()), f, Element.ALIGN_LEFT);
                cell(toc, date(i.date()), f, Element.ALIGN_CENTER);
                cell(toc, i.firstPage() == i.lastPage() ? String.valueOf(i.firstPage()) : i.firstPage() + "-" + i.lastPage(), f, Element.ALIGN_CENTER);
                cell(toc, "", f, Element.ALIGN_CENTER);
            }
            doc.add(toc);
        }
        doc.close();
        return out.toByteArray();
    }

    /** 卷内备考表: how many documents and pages the file holds, what it lacks (the completeness findings), who filed it. */
    private byte[] back(CaseFileCover cover, int documents, int pages, List<String> missing, List<String> signatures) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, 68, 68, 70, 70);
        PdfWriter.getInstance(doc, out);
        doc.open();
        Font big = new Font(Fonts.bold(), 18), body = new Font(Fonts.regular(), 12);
        centered(doc, "卷　内　备　考　表", big, 0);
        var t = new PdfPTable(new float[] {1.1f, 3f});
        t.setWidthPercentage(100);
        t.setSpacingBefore(24);
        row(t, "本卷情况", "本卷共有文件材料 " + documents + " 件，共 " + pages + " 页。", body);
        List<String> notes = new ArrayList<>(missing);
        notes.addAll(signatures);
        row(t, "说　　明", notes.isEmpty() ? "案卷材料齐全，签名完整。" : String.join("\n", notes), body);
        row(t, "立 卷 人", cover.handlers(), body);
        row(t, "检 查 人", "", body);
        row(t, "立卷时间", date(cover.archivedOn()), body);
        doc.add(t);
        doc.close();
        return out.toByteArray();
    }

    private static void centered(Document doc, String text, Font font, float before) {
        var p = new Paragraph(text == null ? "" : text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(before);
        doc.add(p);
    }

    private static void row(PdfPTable t, String label, String value, Font f) {
        cell(t, label, f, Element.ALIGN_CENTER);
        cell(t, value == null ? "" : value, f, Element.ALIGN_LEFT);
    }

    private static void cell(PdfPTable t, String text, Font f, int align) {
        var c = new PdfPCell(new Phrase(text, f));
        c.setHorizontalAlignment(align);
        c.setVerticalAlignment(Element.ALIGN_MIDDLE);
        c.setMinimumHeight(28);
        c.setPadding(5);
        c.setBorderWidth(0.6f);
        t.addCell(c);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : Filler.date(d);
    }

    // ---------------------------------------------------------------- merge with 页号

    private static byte[] merge(byte[] front, List<CaseFileEntry> entries, List<Integer> counts, byte[] back) {
        try {
            var out = new ByteArrayOutputStream();
            var doc = new Document();
            var copy = new PdfCopy(doc, out);
            doc.open();
            addAll(copy, new PdfReader(front));
            int page = 1;
            for (int i = 0; i < entries.size(); i++) {
                addAll(copy, new PdfReader(withPageNumbers(entries.get(i).pdf(), page)));
                page += counts.get(i);
            }
            addAll(copy, new PdfReader(back));
            doc.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addAll(PdfCopy copy, PdfReader reader) throws IOException {
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            PdfImportedPage imported = copy.getImportedPage(reader, p);
            copy.addPage(imported);
        }
        copy.freeReader(reader);
    }

    /** The issued bytes stay untouched in the store; the case-file copy gets the 页号 in the top right corner. */
    private static byte[] withPageNumbers(byte[] pdf, int first) throws IOException {
        var reader = new PdfReader(pdf);
        var out = new ByteArrayOutputStream();
        var stamper = new PdfStamper(reader, out);
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            PdfContentByte cb = stamper.getOverContent(p);
            var size = reader.getPageSize(p);
            cb.beginText();
            cb.setFontAndSize(Fonts.regular(), 10);
            cb.showTextAligned(Element.ALIGN_RIGHT, "页号 " + (first + p - 1), size.getWidth() - 24, size.getHeight() - 18, 0);
            cb.endText();
        }
        stamper.close();
        reader.close();
        return out.toByteArray();
    }
}

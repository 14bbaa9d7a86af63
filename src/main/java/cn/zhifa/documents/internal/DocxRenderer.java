package cn.zhifa.documents.internal;

import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.documents.internal.Filler.Segment;
import cn.zhifa.documents.internal.Template.Block;
import cn.zhifa.documents.internal.Template.Cell;
import cn.zhifa.documents.internal.Template.CellKind;
import cn.zhifa.documents.internal.Template.DateLine;
import cn.zhifa.documents.internal.Template.Element;
import cn.zhifa.documents.internal.Template.Field;
import cn.zhifa.documents.internal.Template.FieldKind;
import cn.zhifa.documents.internal.Template.Fragment;
import cn.zhifa.documents.internal.Template.Grid;
import cn.zhifa.documents.internal.Template.Note;
import cn.zhifa.documents.internal.Template.NumberedList;
import cn.zhifa.documents.internal.Template.Paragraph;
import cn.zhifa.documents.internal.Template.Rows;
import cn.zhifa.documents.internal.Template.Seal;
import cn.zhifa.documents.internal.Template.SignatureArea;
import cn.zhifa.documents.internal.Template.Signatures;
import cn.zhifa.documents.internal.Template.Table;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.*;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;

/** The same document as an editable Word file (Apache POI): same wording, fields, signatures and QR code. */
final class DocxRenderer {

    private static final String SONG = "宋体", HEI = "黑体";
    private static final int BODY = 12;

    private final TemplateCatalog catalog;

    static {
        builtInTransformerFactoryByName();
    }

    /**
     * POI asks JAXP for a new TransformerFactory each time it saves a part: without the system property that names one,
     * every lookup walks the whole class path for a service file (issue 18: 8 % of rendering a record's documents). When
     * the lookup finds the JDK's own factory, its name is set, so later lookups load it directly: the same factory, found
     * once. A factory another library provides is left to the lookup, as before.
     */
    private static void builtInTransformerFactoryByName() {
        String property = "javax.xml.transform.TransformerFactory";
        if (System.getProperty(property) == null) {
            Class<?> found = javax.xml.transform.TransformerFactory.newInstance().getClass();
            if (found.getClassLoader() == null) {
                System.setProperty(property, found.getName());
            }
        }
    }

    DocxRenderer(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    byte[] render(Template t, DocumentContent c) {
        try (var doc = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            page(doc);
            var f = new Filler(t, c);
            footer(doc, c);
            if (c.verification() != null) {
                var p = doc.createParagraph();
                p.setAlignment(ParagraphAlignment.RIGHT);
                picture(p.createRun(), QrCodes.png(c.verification().url(), 4), "qr.png", 52, 52);
                text(p, "\n核验码 " + c.verification().code(), 8, false, false);
            }
            if (t.headLine()) {
                var p = centered(doc);
                var r = text(p, "安全生产行政执法文书", 20, true, false);
                r.setFontFamily(HEI, XWPFRun.FontCharRange.eastAsia);
                r.setUnderline(UnderlinePatterns.SINGLE);
            }
            var title = centered(doc);
            text(title, t.title(), 18, true, false).setFontFamily(HEI, XWPFRun.FontCharRange.eastAsia);
            if (t.numbered()) {
                String n = c.number() != null ? c.number().text() : "（" + (c.authority() == null ? "\u3000\u3000" : c.authority().shortName())
                        + "）" + t.fullPrefix(c.authority() == null ? java.util.Map.of() : c.authority().prefixOverrides()) + "〔\u3000\u3000〕\u3000号";
                text(centered(doc), n, 13, false, false);
            }
            for (Element e : t.body()) element(doc, t, c, f, e);
            if (t.copiesTo() != null) {
                var p = doc.createParagraph();
                p.setBorderTop(Borders.SINGLE);
                p.setSpacingBefore(240);
                String name = c.authority() == null ? "应急管理部门" : c.authority().name();
                text(p, "本文书一式两份：一份由" + name + "备案，一份交" + t.copiesTo() + "。", 10, false, false);
            }
            doc.getProperties().getCoreProperties().setTitle(t.title());
            doc.getProperties().getCoreProperties().setCreator("Zhifa 安全生产执法平台");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void element(XWPFDocument doc, Template t, DocumentContent c, Filler f, Element e) {
        if (e instanceof Template.Addressee a) {
            segments(doc.createParagraph(), f.segments(a.text() + "："));
        } else if (e instanceof Paragraph para) {
            var p = doc.createParagraph();
            if (para.indent()) p.setIndentationFirstLine(BODY * 2 * 20);
            if ("center".equals(para.align())) p.setAlignment(ParagraphAlignment.CENTER);
            if ("right".equals(para.align())) p.setAlignment(ParagraphAlignment.RIGHT);
            segments(p, f.segments(catalog.wording(t, para.id(), para.text(), c.authority())));
        } else if (e instanceof Fragment fr) {
            for (String line : catalog.fragment(t, fr.id(), c.authority()).split("\n")) {
                if (line.isBlank()) continue;
                var p = doc.createParagraph();
                p.setIndentationFirstLine(BODY * 2 * 20);
                segments(p, f.segments(line.strip()));
            }
        } else if (e instanceof Rows r) {
            for (List<Cell> row : r.rows()) {
                var p = doc.createParagraph();
                boolean first = true;
                for (Cell cell : row) {
                    if (!first) text(p, "\u3000", BODY, false, false);
                    first = false;
                    text(p, f.label(cell) + "：", BODY, false, false);
                    cellValue(p, t, f, cell.ref());
                }
            }
        } else if (e instanceof Grid g) {
            for (List<Cell> row : g.rows()) gridRow(doc, t, c, f, row);
            doc.createParagraph();
        } else if (e instanceof NumberedList l) {
            int i = 1;
            for (String item : f.listItems(l.field())) {
                var p = doc.createParagraph();
                p.setIndentationLeft(480);
                text(p, (i++) + ". " + item, BODY, false, false);
            }
        } else if (e instanceof Block b) {
            var p = doc.createParagraph();
            p.setIndentationFirstLine(BODY * 2 * 20);
            text(p, (b.label() != null ? b.label() : t.field(b.field()).map(Field::label).orElse(b.field())) + "：", BODY, false, false);
            String v = f.display(b.field(), null);
            for (String line : (v == null ? "\n\n" : v).split("\n", -1)) {
                var lp = doc.createParagraph();
                lp.setIndentationFirstLine(BODY * 2 * 20);
                text(lp, line, BODY, false, false);
            }
        } else if (e instanceof Table tb) {
            Field field = t.field(tb.field()).orElseThrow();
            List<List<String>> rows = new ArrayList<>(f.tableRows(tb.field()));
            while (rows.size() < 3) rows.add(List.of());
            XWPFTable table = doc.createTable(rows.size() + 1, field.columns().size());
            table.setWidth("100%");
            for (int i = 0; i < field.columns().size(); i++) {
                cellText(table.getRow(0).getCell(i), field.columns().get(i), true);
                for (int r = 0; r < rows.size(); r++)
                    cellText(table.getRow(r + 1).getCell(i), i < rows.get(r).size() ? rows.get(r).get(i) : "", false);
            }
            doc.createParagraph();
        } else if (e instanceof Signatures s) {
            for (String areaName : s.areas()) {
                SignatureArea area = t.signatureArea(areaName).orElseThrow();
                var p = doc.createParagraph();
                p.setSpacingBefore(120);
                text(p, area.label() + "：", BODY, false, false);
                signature(p, c, area);
                if (area.officer() != null) {
                    text(p, "\u3000证号：", BODY, false, false);
                    String cert = f.display("officer" + area.officer() + ".certificateNo", null);
                    underline(text(p, cert == null ? Filler.BLANK : cert, BODY, false, false));
                }
            }
        } else if (e instanceof Seal) {
            var p = doc.createParagraph();
            p.setAlignment(ParagraphAlignment.RIGHT);
            p.setSpacingBefore(480);
            String name = c.authority() == null ? "应急管理部门" : c.authority().name();
            text(p, name + "（印章）", BODY, false, false);
            var d = doc.createParagraph();
            d.setAlignment(ParagraphAlignment.RIGHT);
            d.setIndentationRight(600);
            text(d, f.documentDate(), BODY, false, false);
        } else if (e instanceof DateLine) {
            var d = doc.createParagraph();
            d.setAlignment(ParagraphAlignment.RIGHT);
            text(d, f.documentDate(), BODY, false, false);
        } else if (e instanceof Note n) {
            var p = doc.createParagraph();
            for (Segment s : f.segments(n.text())) text(p, s.text() == null ? Filler.BLANK : s.text(), 9, false, false);
        }
    }

    private void gridRow(XWPFDocument doc, Template t, DocumentContent c, Filler f, List<Cell> row) {
        boolean values = row.stream().allMatch(x -> x.kind() == CellKind.VALUE);
        XWPFTable table = doc.createTable(1, values ? row.size() * 2 : row.size());
        table.setWidth("100%");
        XWPFTableRow r = table.getRow(0);
        int col = 0;
        for (Cell cell : row) {
            if (values) {
                cellText(r.getCell(col++), f.label(cell), false);
                XWPFTableCell vc = r.getCell(col++);
                XWPFParagraph p = vc.getParagraphs().get(0);
                cellValue(p, t, f, cell.ref());
            } else {
                XWPFTableCell pc = r.getCell(col++);
                XWPFParagraph p = pc.getParagraphs().get(0);
                text(p, f.label(cell) + "：", BODY, false, false);
                String v = f.display(cell.ref(), null);
                for (String line : (v == null ? "\n\n" : v).split("\n", -1)) {
                    XWPFParagraph lp = pc.addParagraph();
                    lp.setIndentationFirstLine(BODY * 2 * 20);
                    text(lp, line, BODY, false, false);
                }
                if (cell.kind() == CellKind.OPINION) {
                    for (String areaName : cell.signatureAreas()) {
                        SignatureArea a = t.signatureArea(areaName).orElseThrow();
                        XWPFParagraph sp = pc.addParagraph();
                        text(sp, a.label() + "：", BODY, false, false);
                        signature(sp, c, a);
                        if (a.officer() != null) {
                            String cert = f.display("officer" + a.officer() + ".certificateNo", null);
                            text(sp, "\u3000证号：" + (cert == null ? "" : cert), BODY, false, false);
                        }
                    }
                    XWPFParagraph dp = pc.addParagraph();
                    dp.setAlignment(ParagraphAlignment.RIGHT);
                    String date = cell.dateRef() == null ? null : f.display(cell.dateRef(), null);
                    text(dp, date == null ? "\u3000\u3000年\u3000\u3000月\u3000\u3000日" : date, BODY, false, false);
                }
            }
        }
    }

    private void cellValue(XWPFParagraph p, Template t, Filler f, String ref) {
        var field = t.field(ref);
        if (field.isPresent() && field.get().kind() == FieldKind.CHECKBOX) {
            segments(p, f.checkboxes(field.get()));
            return;
        }
        String v = f.display(ref, null);
        underline(text(p, v == null ? Filler.BLANK : v, BODY, false, false));
    }

    private void signature(XWPFParagraph p, DocumentContent c, SignatureArea area) {
        Optional<DrawnSignature> drawn = c.signatures().stream().filter(d -> d.area().equals(area.area())).findFirst();
        Optional<SignatureRefusal> refused = c.refusals().stream().filter(r -> r.area().equals(area.area())).findFirst();
        if (drawn.isPresent()) {
            double[] size = fit(drawn.get().png(), 110, 28);
            picture(p.createRun(), drawn.get().png(), "signature-" + area.area() + ".png", size[0], size[1]);
        } else if (refused.isPresent()) {
            text(p, "（拒绝签名：" + refused.get().reason()
                    + (refused.get().witness() == null ? "" : "；见证人：" + refused.get().witness()) + "）", BODY, false, false);
        } else {
            underline(text(p, Filler.BLANK.repeat(3), BODY, false, false));
        }
    }

    private static double[] fit(byte[] png, double maxW, double maxH) {
        int[] size = SignatureImages.pngSize(png);
        if (size != null) {
            double scale = Math.min(maxW / size[0], maxH / size[1]);
            return new double[] {size[0] * scale, size[1] * scale};
        }
        try {
            BufferedImage img = PngCodec.decode(png);
            if (img == null) throw new IllegalArgumentException("签名图片无法读取（应为 PNG）");
            double scale = Math.min(maxW / img.getWidth(), maxH / img.getHeight());
            return new double[] {img.getWidth() * scale, img.getHeight() * scale};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void picture(XWPFRun run, byte[] png, String name, double widthPt, double heightPt) {
        try {
            run.addPicture(new ByteArrayInputStream(png), Document.PICTURE_TYPE_PNG, name,
                    Units.toEMU(widthPt), Units.toEMU(heightPt));
        } catch (Exception e) {
            throw new IllegalArgumentException("图片无法写入 Word 文件：" + name, e);
        }
    }

    private void segments(XWPFParagraph p, List<Segment> segments) {
        for (Segment s : segments) {
            XWPFRun r = text(p, s.text() == null ? Filler.BLANK : s.text(), BODY, false, false);
            if (s.value()) underline(r);
        }
    }

    private static void underline(XWPFRun r) {
        r.setUnderline(UnderlinePatterns.SINGLE);
    }

    private static XWPFParagraph centered(XWPFDocument doc) {
        var p = doc.createParagraph();
        p.setAlignment(ParagraphAlignment.CENTER);
        return p;
    }

    private static void cellText(XWPFTableCell cell, String text, boolean bold) {
        text(cell.getParagraphs().get(0), text, BODY - 1, bold, false);
    }

    private static XWPFRun text(XWPFParagraph p, String text, int size, boolean bold, boolean italic) {
        XWPFRun r = p.createRun();
        r.setFontFamily(SONG);
        r.setFontFamily(SONG, XWPFRun.FontCharRange.eastAsia);
        r.setFontSize(size);
        r.setBold(bold);
        r.setItalic(italic);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) r.addBreak();
            r.setText(lines[i], i);
        }
        return r;
    }

    private static void page(XWPFDocument doc) {
        CTSectPr sect = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = sect.isSetPgSz() ? sect.getPgSz() : sect.addNewPgSz();
        size.setW(BigInteger.valueOf(11906));
        size.setH(BigInteger.valueOf(16838));
        CTPageMar mar = sect.isSetPgMar() ? sect.getPgMar() : sect.addNewPgMar();
        mar.setTop(BigInteger.valueOf(1247));
        mar.setBottom(BigInteger.valueOf(1400));
        mar.setLeft(BigInteger.valueOf(1360));
        mar.setRight(BigInteger.valueOf(1360));
    }

    private static void footer(XWPFDocument doc, DocumentContent c) {
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.createParagraph();
        p.setAlignment(ParagraphAlignment.RIGHT);
        text(p, "共 ", 9, false, false);
        p.getCTP().addNewFldSimple().setInstr("NUMPAGES");
        text(p, " 页　第 ", 9, false, false);
        p.getCTP().addNewFldSimple().setInstr("PAGE");
        text(p, " 页", 9, false, false);
    }
}

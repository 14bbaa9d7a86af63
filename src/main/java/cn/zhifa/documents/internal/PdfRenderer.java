package cn.zhifa.documents.internal;

import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.DrawnSignature;
import cn.zhifa.documents.SignatureRefusal;
import cn.zhifa.documents.internal.Filler.Segment;
import cn.zhifa.documents.internal.Template.*;
import cn.zhifa.documents.internal.Template.Cell;
import cn.zhifa.documents.internal.Template.Element;
import cn.zhifa.documents.internal.Template.Table;
import cn.zhifa.documents.internal.Template.Paragraph;
import com.google.zxing.common.BitMatrix;
import com.lowagie.text.*;
import com.lowagie.text.pdf.*;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Lays a template out as an A4 PDF in the look of the 2016 式样: head line, title, 文号, body with underlined
 * filled-in values, bordered grids for 审批表 and 笔录, signature lines with the drawn signatures, seal area,
 * copies note; then stamps 共 N 页 第 i 页, the QR code and the verification code (or a 草稿 mark on drafts).
 */
final class PdfRenderer {

    static final float BODY = 11.5f;
    static final float LEADING = 22f;
    private static final float MARGIN_X = 68f, MARGIN_TOP = 62f, MARGIN_BOTTOM = 70f;

    private final TemplateCatalog catalog;

    PdfRenderer(TemplateCatalog catalog) {
        this.catalog = catalog;
    }

    record Result(byte[] pdf, int pages) {}

    Result render(Template t, DocumentContent c) {
        byte[] body = layout(t, c);
        return stamp(body, c);
    }

    // ------------------------------------------------------------------ pass 1: the flow

    private byte[] layout(Template t, DocumentContent c) {
        var out = new ByteArrayOutputStream();
        var doc = new Document(PageSize.A4, MARGIN_X, MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM);
        PdfWriter writer = PdfWriter.getInstance(doc, out);
        writer.setPageEvent(new CheckboxPainter());
        doc.addTitle(t.title());
        doc.addCreator("Zhifa 安全生产执法平台");
        doc.open();
        var ctx = new Ctx(t, c, new Filler(t, c), writer);
        head(doc, ctx);
        for (Element e : t.body()) element(doc, ctx, e);
        copies(doc, ctx);
        doc.close();
        return out.toByteArray();
    }

    private record Ctx(Template t, DocumentContent c, Filler filler, PdfWriter writer) {}

    private static Font font(float size) {
        return new Font(Fonts.regular(), size);
    }

    private static Font bold(float size) {
        return new Font(Fonts.bold(), size);
    }

    private void head(Document doc, Ctx x) {
        if (x.t().headLine()) {
            var chunk = new Chunk("安全生产行政执法文书", bold(20));
            chunk.setUnderline(1.2f, -5f);
            var p = new com.lowagie.text.Paragraph(chunk);
            p.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
            p.setSpacingAfter(4);
            doc.add(p);
        }
        var title = new com.lowagie.text.Paragraph(x.t().title(), bold(18));
        title.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
        title.setSpacingBefore(x.t().headLine() ? 6 : 0);
        doc.add(title);
        if (x.t().numbered()) {
            String text = x.c().number() != null ? x.c().number().text()
                    : "（" + (x.c().authority() == null ? "\u3000\u3000" : x.c().authority().shortName()) + "）"
                      + x.t().fullPrefix(x.c().authority() == null ? java.util.Map.of() : x.c().authority().prefixOverrides())
                      + "〔\u3000\u3000〕\u3000号";
            var n = new com.lowagie.text.Paragraph(text, font(12.5f));
            n.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
            n.setSpacingBefore(8);
            doc.add(n);
        }
        var gap = new com.lowagie.text.Paragraph(" ", font(6));
        gap.setSpacingAfter(6);
        doc.add(gap);
    }

    private void element(Document doc, Ctx x, Element e) {
        if (e instanceof Addressee a) {
            var p = paragraph(x, x.filler().segments(a.text() + "："), false);
            doc.add(p);
        } else if (e instanceof Paragraph para) {
            String text = catalog.wording(x.t(), para.id(), para.text(), x.c().authority());
            var p = paragraph(x, x.filler().segments(text), para.indent());
            if (para.bold()) p.getChunks().forEach(ch -> ((Chunk) ch).setFont(bold(BODY)));
            p.setAlignment(align(para.align()));
            doc.add(p);
        } else if (e instanceof Fragment f) {
            String text = catalog.fragment(x.t(), f.id(), x.c().authority());
            for (String line : text.split("\n")) {
                if (!line.isBlank()) doc.add(paragraph(x, x.filler().segments(line.strip()), true));
            }
        } else if (e instanceof Rows r) {
            for (List<Cell> row : r.rows()) doc.add(valueRow(x, row, false));
        } else if (e instanceof Grid g) {
            grid(doc, x, g);
        } else if (e instanceof NumberedList l) {
            List<String> items = x.filler().listItems(l.field());
            if (items.isEmpty()) items = List.of("");
            int i = 1;
            for (String item : items) {
                var p = new com.lowagie.text.Paragraph(LEADING, "", font(BODY));
                p.setIndentationLeft(24);
                p.setFirstLineIndent(-16);
                p.add(new Chunk((i++) + ". ", font(BODY)));
                p.add(underlined(item.isBlank() ? Filler.BLANK.repeat(8) : item));
                doc.add(p);
            }
        } else if (e instanceof Block b) {
            String label = b.label() != null ? b.label() : x.t().field(b.field()).map(Field::label).orElse(b.field());
            var head = new com.lowagie.text.Paragraph(LEADING, label + "：", font(BODY));
            head.setFirstLineIndent(2 * BODY);
            doc.add(head);
            String v = x.filler().display(b.field(), null);
            if (v == null) {
                for (int i = 0; i < 4; i++) doc.add(blankLine());
            } else {
                for (String line : v.split("\n")) {
                    var p = new com.lowagie.text.Paragraph(LEADING, line, font(BODY));
                    p.setFirstLineIndent(2 * BODY);
                    doc.add(p);
                }
            }
        } else if (e instanceof Table tb) {
            doc.add(table(x, tb));
        } else if (e instanceof Signatures s) {
            signatures(doc, x, s);
        } else if (e instanceof Seal) {
            seal(doc, x);
        } else if (e instanceof DateLine) {
            var p = new com.lowagie.text.Paragraph(LEADING, x.filler().documentDate(), font(BODY));
            p.setAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
            p.setIndentationRight(24);
            p.setSpacingBefore(8);
            doc.add(p);
        } else if (e instanceof Note n) {
            var p = paragraph(x, x.filler().segments(n.text()), false);
            p.getChunks().forEach(ch -> ((Chunk) ch).setFont(font(9.5f)));
            p.setLeading(15);
            doc.add(p);
        }
    }

    private static int align(String a) {
        return switch (a) {
            case "center" -> com.lowagie.text.Element.ALIGN_CENTER;
            case "right" -> com.lowagie.text.Element.ALIGN_RIGHT;
            default -> com.lowagie.text.Element.ALIGN_JUSTIFIED;
        };
    }

    private com.lowagie.text.Paragraph paragraph(Ctx x, List<Segment> segments, boolean indent) {
        var p = new com.lowagie.text.Paragraph(LEADING, "", font(BODY));
        if (indent) p.setFirstLineIndent(2 * BODY);
        p.setAlignment(com.lowagie.text.Element.ALIGN_JUSTIFIED);
        chunks(x, segments).forEach(p::add);
        return p;
    }

    /** Chunks for segments; a checkbox and its label become one unbreakable chunk with the box painted in front. */
    private List<Chunk> chunks(Ctx x, List<Segment> segments) {
        List<Chunk> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (s.checked() != null) {
                String label = i + 1 < segments.size() && segments.get(i + 1).checked() == null && !segments.get(i + 1).value()
                        ? segments.get(++i).text() : "";
                var c = new Chunk("\u3000" + label, font(BODY));
                c.setGenericTag(s.checked() ? CheckboxPainter.CHECKED : CheckboxPainter.EMPTY);
                c.setSplitCharacter(NO_SPLIT);
                out.add(c);
            } else {
                out.add(chunk(x, s));
            }
        }
        return out;
    }

    private static final SplitCharacter NO_SPLIT = (start, current, end, cc, ck) -> false;

    /** Paints ☑ / ☐ as vectors in front of checkbox labels: Noto Sans SC has no glyph for U+2610/U+2611. */
    static final class CheckboxPainter extends PdfPageEventHelper {
        static final String CHECKED = "☑", EMPTY = "☐";

        @Override
        public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String tag) {
            if (!CHECKED.equals(tag) && !EMPTY.equals(tag)) return;
            PdfContentByte cb = writer.getDirectContent();
            float x = rect.getLeft() + 0.8f, y = rect.getBottom() + 0.2f, size = 9.6f;
            cb.saveState();
            cb.setLineWidth(0.7f);
            cb.rectangle(x, y, size, size);
            cb.stroke();
            if (CHECKED.equals(tag)) {
                cb.setLineWidth(1.3f);
                cb.moveTo(x + 1.8f, y + 4.8f);
                cb.lineTo(x + 3.9f, y + 2.2f);
                cb.lineTo(x + 8.0f, y + 8.0f);
                cb.stroke();
            }
            cb.restoreState();
        }
    }

    private Chunk chunk(Ctx x, Segment s) {
        if (!s.value()) return new Chunk(s.text(), font(BODY));
        return underlined(s.text() == null ? Filler.BLANK : s.text());
    }

    private static Chunk fonted(Chunk c) {
        c.setFont(font(BODY));
        return c;
    }

    private static Chunk underlined(String text) {
        var ch = new Chunk("\u2009" + text + "\u2009", font(BODY));
        ch.setUnderline(0.5f, -3f);
        return ch;
    }

    private static com.lowagie.text.Paragraph blankLine() {
        var p = new com.lowagie.text.Paragraph(LEADING, "", font(BODY));
        var ls = new LineSeparator(0.5f, 100, Color.BLACK, com.lowagie.text.Element.ALIGN_CENTER, -4);
        p.add(fonted(new Chunk(ls)));
        return p;
    }

    // -------------------------------------------------------------- rows and grids

    private PdfPTable valueRow(Ctx x, List<Cell> row, boolean bordered) {
        float total = PageSize.A4.getWidth() - 2 * MARGIN_X;
        int n = row.size();
        float[] widths = new float[n * 2];
        float labels = 0, values = 0;
        for (int i = 0; i < n; i++) {
            String label = x.filler().label(row.get(i));
            float lw = Fonts.regular().getWidthPoint(bordered ? label : label + "：", BODY) + (bordered ? 14 : 4);
            if (bordered && i == 0) lw = Math.max(lw, 84);
            String v = x.filler().display(row.get(i).ref(), null);
            float vw = Math.max(v == null ? 50 : Fonts.regular().getWidthPoint(v, BODY) + 16, 50);
            widths[2 * i] = lw;
            widths[2 * i + 1] = vw;
            labels += lw;
            values += vw;
        }
        float room = total - labels;
        for (int i = 0; i < n; i++) {
            // the last value takes the slack so lines run to the margin, as on the printed forms
            widths[2 * i + 1] = values <= room
                    ? widths[2 * i + 1] + (i == n - 1 ? room - values : 0)
                    : widths[2 * i + 1] * room / values;
        }
        var table = new PdfPTable(widths.length);
        table.setTotalWidth(widths);
        table.setLockedWidth(true);
        table.setSpacingBefore(0);
        table.setSpacingAfter(0);
        for (Cell cell : row) {
            String label = x.filler().label(cell);
            var lc = new PdfPCell(new Phrase(bordered ? label : label + "：", font(BODY)));
            var vc = new PdfPCell(value(x, cell.ref()));
            for (PdfPCell pc : List.of(lc, vc)) {
                pc.setVerticalAlignment(com.lowagie.text.Element.ALIGN_BOTTOM);
                pc.setMinimumHeight(bordered ? 26 : LEADING + 2);
                pc.setPaddingBottom(bordered ? 5 : 3);
                pc.setPaddingLeft(bordered ? 5 : 1);
                pc.setBorder(bordered ? Rectangle.BOX : Rectangle.NO_BORDER);
                pc.setBorderWidth(0.6f);
            }
            if (bordered) {
                lc.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_CENTER);
                lc.setVerticalAlignment(com.lowagie.text.Element.ALIGN_MIDDLE);
                vc.setVerticalAlignment(com.lowagie.text.Element.ALIGN_MIDDLE);
            } else {
                vc.setBorder(Rectangle.BOTTOM);
                vc.setBorderWidthBottom(0.5f);
            }
            table.addCell(lc);
            table.addCell(vc);
        }
        return table;
    }

    private Phrase value(Ctx x, String ref) {
        var field = x.t().field(ref);
        var phrase = new Phrase(LEADING - 6, "", font(BODY));
        if (field.isPresent() && field.get().kind() == FieldKind.CHECKBOX) {
            chunks(x, x.filler().checkboxes(field.get())).forEach(phrase::add);
            return phrase;
        }
        String v = x.filler().display(ref, null);
        phrase.add(new Chunk(v == null ? "" : v, font(BODY)));
        return phrase;
    }

    private void grid(Document doc, Ctx x, Grid g) {
        for (List<Cell> row : g.rows()) {
            if (row.stream().allMatch(c -> c.kind() == CellKind.VALUE)) {
                doc.add(valueRow(x, row, true));
                continue;
            }
            float total = PageSize.A4.getWidth() - 2 * MARGIN_X;
            var table = new PdfPTable(row.size());
            table.setTotalWidth(total);
            table.setLockedWidth(true);
            for (Cell cell : row) {
                var pc = new PdfPCell(new Phrase("", font(BODY)));
                pc.setBorderWidth(0.6f);
                pc.setPadding(6);
                pc.setUseAscender(true);
                String label = x.filler().label(cell);
                var lp = new com.lowagie.text.Paragraph(LEADING - 4, label + "：", font(BODY));
                pc.addElement(lp);
                String v = x.filler().display(cell.ref(), null);
                if (v != null) {
                    for (String line : v.split("\n")) {
                        var p = new com.lowagie.text.Paragraph(LEADING - 4, line, font(BODY));
                        p.setFirstLineIndent(2 * BODY);
                        pc.addElement(p);
                    }
                }
                if (cell.kind() == CellKind.BLOCK) {
                    pc.setMinimumHeight(110);
                } else {
                    pc.setMinimumHeight(120);
                    for (String areaName : cell.signatureAreas()) {
                        SignatureArea area = x.t().signatureArea(areaName).orElseThrow();
                        var sig = new com.lowagie.text.Paragraph(LEADING + 6, "", font(BODY));
                        sig.setSpacingBefore(4);
                        sig.add(new Chunk(area.label() + "：", font(BODY)));
                        signatureChunks(x, area).forEach(sig::add);
                        if (area.officer() != null) {
                            sig.add(new Chunk("\u3000证号：", font(BODY)));
                            String cert = x.filler().display("officer" + area.officer() + ".certificateNo", null);
                            sig.add(new Chunk(cert == null ? "" : cert, font(BODY)));
                        }
                        pc.addElement(sig);
                    }
                    String date = cell.dateRef() == null ? null : x.filler().display(cell.dateRef(), null);
                    var dp = new com.lowagie.text.Paragraph(LEADING, date == null ? "\u3000\u3000年\u3000\u3000月\u3000\u3000日" : date, font(BODY));
                    dp.setAlignment(com.lowagie.text.Element.ALIGN_RIGHT);
                    pc.addElement(dp);
                }
                table.addCell(pc);
            }
            doc.add(table);
        }
    }

    private PdfPTable table(Ctx x, Table tb) {
        Field f = x.t().field(tb.field()).orElseThrow();
        var table = new PdfPTable(f.columns().size());
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (String col : f.columns()) {
            var pc = new PdfPCell(new Phrase(col, bold(10)));
            pc.setHorizontalAlignment(com.lowagie.text.Element.ALIGN_CENTER);
            pc.setVerticalAlignment(com.lowagie.text.Element.ALIGN_MIDDLE);
            pc.setMinimumHeight(26);
            pc.setBorderWidth(0.6f);
            table.addCell(pc);
        }
        List<List<String>> rows = new ArrayList<>(x.filler().tableRows(tb.field()));
        while (rows.size() < 3) rows.add(List.of());
        for (List<String> r : rows) {
            for (int i = 0; i < f.columns().size(); i++) {
                var pc = new PdfPCell(new Phrase(i < r.size() ? r.get(i) : "", font(10)));
                pc.setMinimumHeight(26);
                pc.setVerticalAlignment(com.lowagie.text.Element.ALIGN_MIDDLE);
                pc.setBorderWidth(0.6f);
                pc.setPadding(4);
                table.addCell(pc);
            }
        }
        return table;
    }

    // --------------------------------------------------------- signatures and seal

    private void signatures(Document doc, Ctx x, Signatures s) {
        var table = new PdfPTable(new float[] {1f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(6);
        for (String areaName : s.areas()) {
            SignatureArea area = x.t().signatureArea(areaName).orElseThrow();
            var p = new com.lowagie.text.Paragraph(LEADING + 8, "", font(BODY));
            p.add(new Chunk(area.label() + "：", font(BODY)));
            signatureChunks(x, area).forEach(p::add);
            if (area.officer() != null) {
                p.add(new Chunk("\u3000证号：", font(BODY)));
                String cert = x.filler().display("officer" + area.officer() + ".certificateNo", null);
                p.add(underlined(cert == null ? Filler.BLANK.repeat(2) : cert));
            }
            var cell = new PdfPCell(new Phrase("", font(BODY)));
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setMinimumHeight(32);
            cell.setPadding(1);
            cell.addElement(p);
            table.addCell(cell);
        }
        doc.add(table);
    }

    private List<Chunk> signatureChunks(Ctx x, SignatureArea area) {
        Optional<DrawnSignature> drawn = x.c().signatures().stream().filter(d -> d.area().equals(area.area())).findFirst();
        Optional<SignatureRefusal> refused = x.c().refusals().stream().filter(r -> r.area().equals(area.area())).findFirst();
        if (drawn.isPresent()) {
            try {
                Image img = SignatureImages.pdf(drawn.get().png());
                img.scaleToFit(110, 28);
                return List.of(fonted(new Chunk(img, 2, -8, true)));
            } catch (IOException | BadElementException e) {
                throw new IllegalArgumentException("签名图片无法读取（应为 PNG）：" + area.label(), e);
            }
        }
        if (refused.isPresent()) {
            String w = refused.get().witness() == null ? "" : "；见证人：" + refused.get().witness();
            return List.of(new Chunk("（拒绝签名：" + refused.get().reason() + w + "）", font(BODY)));
        }
        return List.of(underlined(Filler.BLANK.repeat(area.officer() == null ? 2 : 3)));
    }

    private void seal(Document doc, Ctx x) {
        var table = new PdfPTable(new float[] {1f, 1.15f});
        table.setWidthPercentage(100);
        table.setSpacingBefore(26);
        table.setKeepTogether(true);
        var empty = new PdfPCell(new Phrase("", font(BODY)));
        empty.setBorder(Rectangle.NO_BORDER);
        table.addCell(empty);
        var cell = new PdfPCell(new Phrase("", font(BODY)));
        cell.setBorder(Rectangle.NO_BORDER);
        String name = x.c().authority() == null || x.c().authority().name() == null ? "应急管理部门" : x.c().authority().name();
        var p1 = new com.lowagie.text.Paragraph(LEADING, name + "（印章）", font(BODY));
        p1.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
        var p2 = new com.lowagie.text.Paragraph(LEADING + 4, x.filler().documentDate(), font(BODY));
        p2.setAlignment(com.lowagie.text.Element.ALIGN_CENTER);
        cell.addElement(p1);
        cell.addElement(p2);
        table.addCell(cell);
        doc.add(table);
    }

    private void copies(Document doc, Ctx x) {
        if (x.t().copiesTo() == null) return;
        var line = new com.lowagie.text.Paragraph(14, "", font(BODY));
        line.setSpacingBefore(18);
        line.add(fonted(new Chunk(new LineSeparator(0.8f, 100, Color.BLACK, com.lowagie.text.Element.ALIGN_CENTER, 0))));
        doc.add(line);
        String name = x.c().authority() == null ? "应急管理部门" : x.c().authority().name();
        doc.add(new com.lowagie.text.Paragraph(16, "本文书一式两份：一份由" + name + "备案，一份交" + x.t().copiesTo() + "。", font(10)));
    }

    // ------------------------------------------------------------------ pass 2: stamps

    private Result stamp(byte[] body, DocumentContent c) {
        try {
            var reader = new PdfReader(body);
            int pages = reader.getNumberOfPages();
            var out = new ByteArrayOutputStream();
            var stamper = new PdfStamper(reader, out);
            for (int i = 1; i <= pages; i++) {
                PdfContentByte over = stamper.getOverContent(i);
                over.beginText();
                over.setFontAndSize(Fonts.regular(), 9.5f);
                over.showTextAligned(com.lowagie.text.Element.ALIGN_RIGHT, "共 " + pages + " 页　第 " + i + " 页",
                        PageSize.A4.getWidth() - MARGIN_X, 38, 0);
                over.endText();
                if (c.verification() != null) {
                    over.beginText();
                    over.setFontAndSize(Fonts.regular(), 8);
                    over.showTextAligned(com.lowagie.text.Element.ALIGN_LEFT,
                            "核验码 " + c.verification().code() + "　扫码或访问 " + c.verification().url() + " 核验",
                            MARGIN_X, 38, 0);
                    over.endText();
                } else {
                    draftMark(stamper.getUnderContent(i));
                }
            }
            if (c.verification() != null) qr(stamper.getOverContent(1), c.verification());
            stamper.close();
            reader.close();
            return new Result(out.toByteArray(), pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void qr(PdfContentByte cb, DocumentContent.Verification v) {
        BitMatrix m = QrCodes.matrix(v.url());
        float size = 58, cellSize = size / m.getWidth();
        float x0 = PageSize.A4.getWidth() - MARGIN_X - size + 18, y0 = PageSize.A4.getHeight() - 24 - size;
        cb.saveState();
        cb.setColorFill(Color.BLACK);
        for (int y = 0; y < m.getHeight(); y++)
            for (int x = 0; x < m.getWidth(); x++)
                if (m.get(x, y)) cb.rectangle(x0 + x * cellSize, y0 + (m.getHeight() - 1 - y) * cellSize, cellSize + 0.05f, cellSize + 0.05f);
        cb.fill();
        cb.restoreState();
        cb.beginText();
        cb.setFontAndSize(Fonts.regular(), 7.5f);
        cb.showTextAligned(com.lowagie.text.Element.ALIGN_CENTER, "核验码 " + v.code(), x0 + size / 2, y0 - 9, 0);
        cb.endText();
    }

    private static void draftMark(PdfContentByte cb) {
        cb.saveState();
        var gs = new PdfGState();
        gs.setFillOpacity(0.12f);
        cb.setGState(gs);
        cb.beginText();
        cb.setColorFill(Color.GRAY);
        cb.setFontAndSize(Fonts.bold(), 90);
        cb.showTextAligned(com.lowagie.text.Element.ALIGN_CENTER, "草稿", PageSize.A4.getWidth() / 2,
                PageSize.A4.getHeight() / 2 - 30, 40);
        cb.endText();
        cb.restoreState();
    }
}

package cn.zhifa.documents.internal;

import cn.zhifa.documents.DocumentContent;
import cn.zhifa.documents.RenderedDocument;
import cn.zhifa.documents.TemplateException;
import java.util.List;

/** Renders a document's content with its template as PDF and DOCX. */
public final class DocumentRenderer {

    private final TemplateCatalog catalog;
    private final PdfRenderer pdf;
    private final DocxRenderer docx;

    public DocumentRenderer(TemplateCatalog catalog) {
        this.catalog = catalog;
        this.pdf = new PdfRenderer(catalog);
        this.docx = new DocxRenderer(catalog);
    }

    public RenderedDocument render(DocumentContent content) {
        Template t = catalog.require(content.kind());
        if (content.authority() != null) {
            List<String> problems = catalog.checkOverrides(content.authority().wordingOverrides(),
                    content.authority().prefixOverrides());
            if (!problems.isEmpty()) throw new TemplateException(problems);
        }
        PdfRenderer.Result p = pdf.render(t, content);
        return new RenderedDocument(p.pdf(), docx.render(t, content), p.pages());
    }

    public List<String> missing(DocumentContent content) {
        return Completeness.missing(catalog.require(content.kind()), content);
    }
}

package cn.zhifa.documents;

import cn.zhifa.documents.internal.CaseFileAssembler;
import cn.zhifa.documents.internal.DocumentRenderer;
import cn.zhifa.documents.internal.Template;
import cn.zhifa.documents.internal.TemplateCatalog;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The standard enforcement documents (制式执法文书) as data: the descriptors under
 * {@code classpath:documents/templates/*.yml} (wording, fields, signature areas, 代字) plus the shared wording in
 * {@code documents/fragments.yml}. Authorities adjust 机关简称, 代字 and wording through {@link Authority}, never code.
 *
 * <p>Renders a {@link DocumentContent} as an A4 PDF with an embedded Chinese font and an editable DOCX, and tells
 * what is missing before a document may be issued.
 */
public final class DocumentTemplates {

    private final TemplateCatalog catalog;
    private final DocumentRenderer renderer;
    private final CaseFileAssembler caseFiles;

    private DocumentTemplates(TemplateCatalog catalog) {
        this.catalog = catalog;
        this.renderer = new DocumentRenderer(catalog);
        this.caseFiles = new CaseFileAssembler(catalog);
    }

    /** The standard set shipped in the resources; throws {@link TemplateException} when a descriptor is invalid. */
    public static DocumentTemplates standard() {
        return new DocumentTemplates(TemplateCatalog.loadDefault());
    }

    /** A set built from descriptor texts (file name → YAML) and shared fragments, e.g. to check an edited template. */
    public static DocumentTemplates of(Map<String, String> descriptors, Map<String, String> fragments) {
        return new DocumentTemplates(TemplateCatalog.of(descriptors, fragments));
    }

    /** All kinds, in 立卷顺序 where they have one, then by title. */
    public List<TemplateSummary> kinds() {
        return catalog.all().stream().map(DocumentTemplates::summary)
                .sorted(Comparator.comparing((TemplateSummary s) -> s.filingOrder() == null ? Integer.MAX_VALUE : s.filingOrder())
                        .thenComparing(TemplateSummary::kind))
                .toList();
    }

    /**
     * The paragraphs an authority may reword, in Chinese: each document's paragraphs (in the order of {@link #kinds()})
     * labelled by their first words, then the shared blocks (各文书通用段落).
     */
    public List<WordingChoice> wordingChoices() {
        List<WordingChoice> choices = new java.util.ArrayList<>();
        for (TemplateSummary k : kinds()) {
            for (var e : catalog.require(k.kind()).body()) {
                if (e instanceof cn.zhifa.documents.internal.Template.Paragraph p && p.id() != null) {
                    choices.add(new WordingChoice(k.kind() + "." + p.id(), k.title(), WordingChoice.label(p.text()), p.text()));
                }
            }
        }
        for (var f : catalog.fragmentTexts().entrySet()) {
            choices.add(new WordingChoice("fragment." + f.getKey(), "各文书通用段落", WordingChoice.label(f.getValue()),
                    f.getValue()));
        }
        return choices;
    }

    public Optional<TemplateSummary> find(String kind) {
        return catalog.find(kind).map(DocumentTemplates::summary);
    }

    /** The 代字 an authority prints for a kind, with 应急, e.g. 应急罚. */
    public String prefix(String kind, Authority authority) {
        return catalog.require(kind).fullPrefix(authority == null ? Map.of() : authority.prefixOverrides());
    }

    /** What prevents issuing this content (missing fields, parties, officers, signatures), in Chinese; empty if none. */
    public List<String> missing(DocumentContent content) {
        return renderer.missing(content);
    }

    /** The authority settings a kind prints that the authority has left empty (Chinese labels); empty if none. */
    public List<String> missingAuthoritySettings(String kind, Authority authority) {
        return catalog.missingAuthoritySettings(catalog.require(kind), authority);
    }

    /** Problems in an authority's 代字 and wording overrides (unknown paragraph, unknown placeholder …), in Chinese. */
    public List<String> checkAuthority(Authority authority) {
        return catalog.checkOverrides(authority.wordingOverrides(), authority.prefixOverrides());
    }

    /** Signature area → label of a kind, in template order. */
    public Map<String, String> signatureAreaLabels(String kind) {
        var out = new java.util.LinkedHashMap<String, String>();
        catalog.require(kind).signatureAreas().forEach(a -> out.put(a.area(), a.label()));
        return out;
    }

    /** Renders PDF and DOCX. A draft (no verification) carries a 草稿 mark; an issued one its QR and code. */
    public RenderedDocument render(DocumentContent content) {
        return renderer.render(content);
    }

    /**
     * Merges a case's issued documents in 立卷顺序 behind a cover and a 卷内目录 with page numbers, and lists what
     * 案卷评查 would find missing (documents required by the procedure, unsigned or refused signature areas).
     */
    public CaseFile assembleCaseFile(CaseFileCover cover, List<CaseFileEntry> documents) {
        return caseFiles.assemble(cover, documents);
    }

    private static TemplateSummary summary(Template t) {
        return new TemplateSummary(t.kind(), t.title(), t.prefix(), t.numbered(), t.category(), t.filingOrder(),
                t.fields().stream().map(Template.Field::name).toList(),
                t.fields().stream().filter(Template.Field::required).map(Template.Field::name).toList(),
                t.signatureAreas().stream().filter(Template.SignatureArea::required).map(Template.SignatureArea::area).toList(),
                t.parties().stream().map(Template.PartyRole::role).toList());
    }
}

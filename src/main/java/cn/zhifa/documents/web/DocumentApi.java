package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.CaseReferences;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.SourceRef;
import cn.zhifa.documents.TemplateSummary;
import cn.zhifa.documents.internal.IssuedDocumentStore;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issued documents over JSON, data-scoped like the pages: lists hold the caller's subtree only; a document of another
 * unit is 403, an unknown one a 404 problem; filters naming a case or firm outside the scope are refused the same way.
 */
@RestController
@Tag(name = "执法文书", description = "已签发文书的查询与下载（PDF/DOCX）")
@Allowed(Action.READ_BUSINESS)
class DocumentApi {

    static final MediaType DOCX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");

    private final DocumentManagement documents;
    private final IssuedDocumentStore store;
    private final DocumentsScope scope;
    private final EnterpriseManagement enterprises;
    private final ObjectProvider<CaseReferences> cases;

    DocumentApi(DocumentManagement documents, IssuedDocumentStore store, DocumentsScope scope, EnterpriseManagement enterprises,
                ObjectProvider<CaseReferences> cases) {
        this.documents = documents;
        this.store = store;
        this.scope = scope;
        this.enterprises = enterprises;
        this.cases = cases;
    }

    /** An issued document as the API shows it: status VALID (有效), CORRECTED (已更正) or VOIDED (已作废), with download links. */
    record DocumentView(long id, String kind, String title, String number, long organizationId, String organizationName,
                        String authorityName, String partyName, LocalDate issueDate, Instant issuedAt,
                        String verificationCode, String pdfSha256, String docxSha256, int pages, int version,
                        Long supersedesId, String correctionReason, Long supersededById, String voidReason,
                        @Schema(allowableValues = {"VALID", "CORRECTED", "VOIDED"}) String status, String statusLabel,
                        String sourceType, String sourceId, String pdfUrl, String docxUrl) {
    }

    DocumentView view(IssuedDocument d) {
        String status = d.voidReason() != null ? "VOIDED" : d.supersededById() != null ? "CORRECTED" : "VALID";
        String label = switch (status) {
            case "VOIDED" -> "已作废";
            case "CORRECTED" -> "已更正";
            default -> "有效";
        };
        return new DocumentView(d.id(), d.kind(), d.title(), d.number(), d.organizationId(), scope.organizationName(d.organizationId()),
                d.authorityName(), d.partyName(), d.issueDate(), d.issuedAt(), d.verificationCode(), d.pdfSha256(),
                d.docxSha256(), d.pages(), d.version(), d.supersedesId(), d.correctionReason(), d.supersededById(),
                d.voidReason(), status, label, d.source().type(), d.source().id(),
                "/api/v1/documents/" + d.id() + "/pdf", "/api/v1/documents/" + d.id() + "/docx");
    }

    @GetMapping("/api/v1/documents")
    @Operation(summary = "已签发文书（本单位及下级单位，新签发的在前）；caseId：某案件的全部文书；enterpriseId：以该企业为当事人"
            + "（名称或统一社会信用代码）的文书；kind：文书种类代码（见文书设置）；year：签发年度")
    Page<DocumentView> list(@RequestParam(required = false) Long caseId, @RequestParam(required = false) Long enterpriseId,
                            @RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (kind != null && !kind.isBlank() && documents.templates().kinds().stream().map(TemplateSummary::kind).noneMatch(kind::equals)) {
            throw new IllegalArgumentException("文书种类“" + kind + "”不存在。");
        }
        if (year != null && (year < 2000 || year > 2100)) {
            throw new IllegalArgumentException("年度“" + year + "”不在 2000—2100 之间。");
        }
        SourceRef source = caseId == null ? null : cases.getObject().ofCase(caseId);
        String partyName = null, partyCode = null;
        if (enterpriseId != null) {
            EnterpriseSummary firm = enterprises.profile(enterpriseId).summary();
            partyName = firm.name();
            partyCode = firm.uscc();
        }
        int number = Page.number(page), pageSize = Page.size(size);
        var result = store.list(new IssuedDocumentStore.Filter(scope.visibleOrganizationIds(), blankToNull(kind), null,
                year == null ? null : LocalDate.of(year, 1, 1), year == null ? null : LocalDate.of(year, 12, 31), source,
                partyName, partyCode), number, pageSize);
        return new Page<>(result.rows().stream().map(this::view).toList(), number, pageSize, result.total());
    }

    @GetMapping("/api/v1/documents/{id}")
    @Operation(summary = "文书详情（状态、版本、核验码与哈希、下载地址）")
    DocumentView get(@PathVariable long id) {
        return view(require(id));
    }

    @GetMapping("/api/v1/documents/{id}/pdf")
    @Operation(summary = "下载签发的 PDF（与核验页的 SHA-256 一致）", responses = @ApiResponse(responseCode = "200",
            content = @Content(mediaType = MediaType.APPLICATION_PDF_VALUE, schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        IssuedDocument d = require(id);
        return file(documents.pdf(id).orElseThrow(), MediaType.APPLICATION_PDF, fileName(d, "pdf"));
    }

    @GetMapping("/api/v1/documents/{id}/docx")
    @Operation(summary = "下载可编辑的 DOCX", responses = @ApiResponse(responseCode = "200", content = @Content(
            mediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> docx(@PathVariable @Parameter(description = "文书 id") long id) {
        IssuedDocument d = require(id);
        return file(documents.docx(id).orElseThrow(), DOCX, fileName(d, "docx"));
    }

    private IssuedDocument require(long id) {
        IssuedDocument d = documents.find(id).orElseThrow(() -> RuleViolation.notFound("文书不存在。"));
        scope.require(d.organizationId());
        return d;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String fileName(IssuedDocument d, String ext) {
        String base = d.title() + (d.number() == null ? "-" + d.verificationCode() : "-" + d.number());
        if (d.version() > 1) base += "-第" + d.version() + "版";
        return base + "." + ext;
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name) {
        var disposition = ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(bytes);
    }
}

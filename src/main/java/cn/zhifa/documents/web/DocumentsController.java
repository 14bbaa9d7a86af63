package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.documents.IssuedDocument;
import cn.zhifa.documents.TemplateSummary;
import cn.zhifa.documents.internal.IssuedDocumentStore;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Issued documents: list with filters, detail, PDF/DOCX download, print, void. */
@Controller
@RequestMapping("/documents")
@Allowed(Action.READ_BUSINESS)
class DocumentsController {

    static final int PAGE_SIZE = 20;

    private final DocumentManagement documents;
    private final IssuedDocumentStore store;
    private final DocumentsScope scope;
    private final cn.zhifa.organization.UserManagement users;

    DocumentsController(DocumentManagement documents, IssuedDocumentStore store, DocumentsScope scope,
                        cn.zhifa.organization.UserManagement users) {
        this.documents = documents;
        this.store = store;
        this.scope = scope;
        this.users = users;
    }

    @GetMapping
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String number,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, @RequestParam(required = false) Long unit,
                @RequestParam(defaultValue = "false") boolean counted, Model model) {
        Collection<Long> orgs = unit == null ? scope.visibleOrganizationIds() : scope.visibleSubtree(unit);
        var result = store.list(new IssuedDocumentStore.Filter(orgs, kind, number, from, to, null, null, null, counted),
                Math.max(page, 0), PAGE_SIZE);
        model.addAttribute("rows", result.rows());
        model.addAttribute("total", result.total());
        model.addAttribute("page", Math.max(page, 0));
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        model.addAttribute("kinds", documents.templates().kinds());
        model.addAttribute("kind", kind);
        model.addAttribute("number", number);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("unit", unit);
        model.addAttribute("units", scope.unitOptions());
        model.addAttribute("counted", counted);
        return "documents/list";
    }

    @GetMapping("/{id}")
    String detail(@PathVariable long id, Model model) {
        IssuedDocument d = require(id);
        model.addAttribute("doc", d);
        model.addAttribute("template", documents.templates().find(d.kind()).map(TemplateSummary::title).orElse(d.kind()));
        model.addAttribute("versions", documents.forSource(d.source()).stream()
                .filter(o -> o.kind().equals(d.kind()) && java.util.Objects.equals(o.number(), d.number())).toList());
        model.addAttribute("authority", d.authorityName());
        // people read the officer's name, not the login name the document was issued under
        model.addAttribute("issuerName", d.issuedBy() == null ? null : users.findByUsername(d.issuedBy())
                .map(cn.zhifa.organization.UserView::displayName).orElse(d.issuedBy()));
        model.addAttribute("sourceLabel", sourceLabel(d.source()));
        model.addAttribute("sourceLink", sourceLink(d.source()));
        model.addAttribute("voidRequest", documents.openVoidRequest(id).orElse(null));
        return "documents/detail";
    }

    /** "案件 （应急罚〔2026〕12号）", "现场检查记录 第 12 号": the record in words. */
    static String sourceLabel(cn.zhifa.documents.SourceRef source) {
        return switch (source.type()) {
            case "case" -> "案件 " + source.id();
            default -> source.type() + " 第 " + source.id() + " 号";
        };
    }

    static String sourceLink(cn.zhifa.documents.SourceRef source) {
        return switch (source.type()) {
            case "现场检查记录" -> "/inspection/records/" + source.id();
            case "隐患" -> "/hazards/" + source.id();
            case "case" -> "/cases?q=" + java.net.URLEncoder.encode(source.id(), java.nio.charset.StandardCharsets.UTF_8);
            default -> null;
        };
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id, @RequestParam(defaultValue = "false") boolean inline) {
        IssuedDocument d = require(id);
        byte[] bytes = documents.pdf(id).orElseThrow();
        return file(bytes, MediaType.APPLICATION_PDF, fileName(d, "pdf"), inline);
    }

    @GetMapping("/{id}/docx")
    ResponseEntity<byte[]> docx(@PathVariable long id) {
        IssuedDocument d = require(id);
        byte[] bytes = documents.docx(id).orElseThrow();
        return file(bytes, MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
                fileName(d, "docx"), false);
    }

    @PostMapping("/{id}/void")
    @Allowed(Action.REQUEST_DOCUMENT_VOID)
    @cn.zhifa.audit.AuditAction("申请作废文书")
    String requestVoid(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
        require(id);
        scope.auditTarget("文书", id);
        try {
            documents.requestVoid(id, reason, Actors.require().userId(), scope.currentUser());
            cn.zhifa.audit.Audit.detail("作废理由：" + reason.strip());
            redirect.addFlashAttribute("message", "已提交作废申请，待签发单位领导批准后文书作废");
        } catch (RuleViolation e) {
            cn.zhifa.audit.Audit.refused(e.getMessage());
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/documents/" + id;
    }

    @PostMapping("/{id}/void/decision")
    @Allowed(Action.APPROVE_DOCUMENT_VOID)
    @cn.zhifa.audit.AuditAction("审批文书作废")
    String decideVoid(@PathVariable long id, @RequestParam(defaultValue = "false") boolean approve, RedirectAttributes redirect) {
        require(id);
        scope.auditTarget("文书", id);
        try {
            documents.decideVoid(id, approve, Actors.require().userId(), scope.currentUser());
            cn.zhifa.audit.Audit.detail(approve ? "批准作废" : "不予作废");
            redirect.addFlashAttribute("message", approve ? "已批准作废，文书已作废，核验页显示已作废" : "已驳回作废申请，文书继续有效");
        } catch (RuleViolation e) {
            cn.zhifa.audit.Audit.refused(e.getMessage());
            redirect.addFlashAttribute("refusal", e.getMessage());
        }
        return "redirect:/documents/" + id;
    }

    private IssuedDocument require(long id) {
        IssuedDocument d = documents.find(id).orElseThrow(() -> new DocumentNotFound(id));
        scope.require(d.organizationId());
        return d;
    }

    private static String fileName(IssuedDocument d, String ext) {
        String base = d.title() + (d.number() == null ? "-" + d.verificationCode() : "-" + d.number());
        if (d.version() > 1) base += "-第" + d.version() + "版";
        return base + "." + ext;
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, MediaType type, String name, boolean inline) {
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store").body(bytes);
    }
}

package cn.zhifa.casework.web;

import cn.zhifa.casework.CaseManagement;
import cn.zhifa.casework.PenaltyCase;
import cn.zhifa.casework.ProcedureKind;
import cn.zhifa.documents.Authority;
import cn.zhifa.documents.CaseFile;
import cn.zhifa.documents.CaseFileCover;
import cn.zhifa.documents.CaseReferences;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.SourceRef;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The 案卷 of a penalty case as documents assembles it (封面, 卷内目录, the case's current documents in 立卷顺序,
 * 卷内备考表), its cover filled from the case; and the reference a case's documents carry (for the documents API).
 */
@Component
class CaseFiles implements CaseReferences {

    /** Response headers of the PDF: whether the file is complete and how many findings the report lists. */
    static final String COMPLETE_HEADER = "X-Case-File-Complete";
    static final String FINDINGS_HEADER = "X-Case-File-Findings";

    private final CaseManagement cases;
    private final DocumentManagement documents;

    CaseFiles(CaseManagement cases, DocumentManagement documents) {
        this.cases = cases;
        this.documents = documents;
    }

    @Override
    public SourceRef ofCase(long caseId) {
        return source(cases.get(caseId));
    }

    /** The case (scope-checked) and its assembled file. */
    record Assembled(PenaltyCase kase, CaseFile file) {
    }

    Assembled assemble(long caseId) {
        PenaltyCase c = cases.get(caseId);
        return new Assembled(c, documents.assembleCaseFile(source(c), cover(c)));
    }

    static SourceRef source(PenaltyCase c) {
        return new SourceRef("case", c.getCaseNumber());
    }

    CaseFileCover cover(PenaltyCase c) {
        String authority = documents.authorityFor(c.getOrganizationId()).map(Authority::name).orElse(null);
        String handlers = c.getCoHandlerName() == null ? c.getHandlerName() : c.getHandlerName() + "、" + c.getCoHandlerName();
        return new CaseFileCover(c.getProcedureKind() == ProcedureKind.SUMMARY ? "SUMMARY" : "GENERAL", authority,
                c.getParty().name() + c.getTitle() + "案", c.getTitle(), result(c), c.getFiledOn(), c.getClosedOn(), handlers,
                c.getArchivedOn(), c.getArchivedOn() == null ? null : c.getCaseNumber(), null);
    }

    private static String result(PenaltyCase c) {
        if (c.getDecisionNumber() != null) {
            BigDecimal fine = c.getFineYuan();
            return (fine == null || fine.signum() == 0 ? "警告" : "罚款 " + fine.stripTrailingZeros().toPlainString() + " 元")
                    + "（" + c.getDecisionNumber() + "）";
        }
        return c.getEndReason() != null ? c.getStage().label() + "：" + c.getEndReason() : c.getStage().label();
    }

    static ResponseEntity<byte[]> pdf(Assembled a, boolean inline) {
        CaseFile file = a.file();
        String name = "案卷-" + a.kase().getCaseNumber() + ".pdf";
        var disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(name, StandardCharsets.UTF_8).build();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header(COMPLETE_HEADER, String.valueOf(file.complete()))
                .header(FINDINGS_HEADER, String.valueOf(file.missingDocuments().size() + file.signatureFindings().size()))
                .body(file.pdf());
    }
}

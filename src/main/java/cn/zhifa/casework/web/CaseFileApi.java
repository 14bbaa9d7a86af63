package cn.zhifa.casework.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.CaseFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The whole 案卷 of a case as one PDF, and its completeness report as JSON (data-scoped: another unit's case is 403,
 * an unknown one a 404 problem).
 */
@RestController
@Tag(name = "案件办理")
@Allowed(Action.READ_BUSINESS)
class CaseFileApi {

    private final CaseFiles caseFiles;

    CaseFileApi(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    /** The completeness report of a case file: its 卷内目录 and what 案卷评查 would find missing or unsigned. */
    record CaseFileReport(long caseId, String caseNumber, int pages, boolean complete, List<CaseFile.Item> contents,
                          List<String> missingDocuments, List<String> signatureFindings, String pdfUrl) {
    }

    @GetMapping("/api/v1/cases/{id}/case-file")
    @Operation(summary = "案卷 PDF：封面、卷内目录、按立卷顺序排列的现行文书（带页号）、卷内备考表；响应头 X-Case-File-Complete（true/false）"
            + "和 X-Case-File-Findings（缺件与签名问题的条数），详细报告见 …/case-file/report",
            responses = @ApiResponse(responseCode = "200", headers = {
                    @Header(name = CaseFiles.COMPLETE_HEADER, description = "案卷是否齐全（无缺件、无签名问题）", schema = @Schema(type = "boolean")),
                    @Header(name = CaseFiles.FINDINGS_HEADER, description = "缺件与签名问题的条数", schema = @Schema(type = "integer"))},
                    content = @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))))
    ResponseEntity<byte[]> caseFile(@PathVariable long id) {
        return CaseFiles.pdf(caseFiles.assemble(id), false);
    }

    @GetMapping("/api/v1/cases/{id}/case-file/report")
    @Operation(summary = "案卷完整性报告：卷内目录（页号）、缺少的文书、未签名或拒签的签名处")
    CaseFileReport report(@PathVariable long id) {
        CaseFiles.Assembled a = caseFiles.assemble(id);
        CaseFile f = a.file();
        return new CaseFileReport(a.kase().getId(), a.kase().getCaseNumber(), f.pages(), f.complete(), f.contents(),
                f.missingDocuments(), f.signatureFindings(), "/api/v1/cases/" + id + "/case-file");
    }
}

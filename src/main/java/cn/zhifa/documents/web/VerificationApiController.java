package cn.zhifa.documents.web;

import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.documents.Verification;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public JSON verification of issued documents (no login), the same facts as the page and nothing personal. */
@RestController
@RequestMapping(path = "/api/v1/verify", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "文书核验", description = "公开核验已签发的执法文书（无需登录）")
class VerificationApiController {

    private final DocumentManagement documents;

    VerificationApiController(DocumentManagement documents) {
        this.documents = documents;
    }

    /** Authority, title, number, date, SHA-256 and status; with {@code sha256}, whether it matches. */
    record Answer(Verification document, Boolean matches) {}

    @GetMapping("/{code}")
    @Operation(summary = "按核验码核验文书", description = "核验码不存在时返回 404 问题详情")
    Answer verify(@PathVariable String code, @RequestParam(required = false) String sha256) {
        Verification v = documents.verify(code);
        return new Answer(v, sha256 == null ? null : v.matches(sha256));
    }
}

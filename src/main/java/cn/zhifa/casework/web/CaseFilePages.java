package cn.zhifa.casework.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** 下载案卷 from the case page: the same PDF as {@code GET /api/v1/cases/{id}/case-file}, for the signed-in user. */
@Controller
@Allowed(Action.READ_BUSINESS)
class CaseFilePages {

    private final CaseFiles caseFiles;

    CaseFilePages(CaseFiles caseFiles) {
        this.caseFiles = caseFiles;
    }

    @GetMapping("/cases/{id}/case-file.pdf")
    ResponseEntity<byte[]> caseFile(@PathVariable long id) {
        return CaseFiles.pdf(caseFiles.assemble(id), false);
    }
}

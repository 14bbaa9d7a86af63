package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.registry.internal.EnterpriseExports;
import cn.zhifa.registry.internal.EnterpriseImports;
import cn.zhifa.shared.RuleViolation;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Excel import: template download, upload, progress (htmx polling) and the error report. */
@Controller
@Allowed(Action.IMPORT_ENTERPRISES)
class ImportPages {

    private static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final EnterpriseImports imports;
    private final EnterpriseExports exports;

    ImportPages(EnterpriseImports imports, EnterpriseExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping("/registry/import")
    String page(Model model) {
        model.addAttribute("limits", imports.limits());
        return "registry/import";
    }

    @GetMapping("/registry/import/template.xlsx")
    ResponseEntity<byte[]> template() {
        return download(exports.template(), "企业导入模板.xlsx");
    }

    @PostMapping("/registry/import")
    @Allowed(Action.IMPORT_ENTERPRISES)
    @AuditAction("上传企业导入文件")
    String upload(@RequestParam(name = "file", required = false) MultipartFile file, Model model,
                  RedirectAttributes redirect) throws IOException {
        try {
            if (file == null) {
                throw new RuleViolation("请选择要导入的 .xlsx 文件。");
            }
            long id;
            try (java.io.InputStream content = file.getInputStream()) {
                id = imports.start(file.getOriginalFilename(), file.getSize(), content);
            }
            Audit.target("企业导入", id);
            return "redirect:/registry/import/" + id;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            model.addAttribute("limits", imports.limits());
            return "registry/import";
        }
    }

    @GetMapping("/registry/import/{id}")
    String job(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id).orElseThrow(() -> RuleViolation.notFound("导入任务不存在。")));
        return "registry/import-job";
    }

    /** The htmx fragment the job page polls every second while the import runs. */
    @GetMapping("/registry/import/{id}/status")
    String status(@PathVariable long id, Model model) {
        model.addAttribute("job", imports.job(id).orElseThrow(() -> RuleViolation.notFound("导入任务不存在。")));
        return "registry/import-job :: status";
    }

    @GetMapping("/registry/import/{id}/errors.xlsx")
    ResponseEntity<byte[]> errors(@PathVariable long id) {
        return download(imports.errorReport(id).orElseThrow(() -> RuleViolation.notFound("该导入没有错误报告。")),
                "企业导入错误报告-" + id + ".xlsx");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String name) {
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .body(content);
    }
}

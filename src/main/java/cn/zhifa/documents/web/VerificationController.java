package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.documents.DocumentManagement;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.documents.Verification;
import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Public verification of issued documents (no login): the QR code on every document leads to
 * {@code /verify/{code}}, which confirms authority, title, number, date and the SHA-256 of the issued PDF — nothing
 * personal — and checks an uploaded file or a pasted hash against it.
 */
@Controller
class VerificationController {

    private final DocumentManagement documents;

    VerificationController(DocumentManagement documents) {
        this.documents = documents;
    }

    @GetMapping("/verify")
    String form(@RequestParam(required = false) String code) {
        if (code != null && !code.isBlank()) return "redirect:/verify/" + code.strip();
        return "documents/verify";
    }

    @GetMapping("/verify/{code}")
    String show(@PathVariable String code, Model model, jakarta.servlet.http.HttpServletResponse response) {
        String view = lookup(code, model);
        if (model.getAttribute("verification") == null) response.setStatus(404);
        return view;
    }

    @PostMapping("/verify/{code}")
    @Allowed(Action.PUBLIC)
    @cn.zhifa.audit.AuditAction("核对文书哈希")
    String check(@PathVariable String code, @RequestParam(required = false) MultipartFile file,
                 @RequestParam(required = false) String hash, Model model) throws IOException {
        String view = lookup(code, model);
        Verification v = (Verification) model.getAttribute("verification");
        if (v == null) return view;
        String given = file != null && !file.isEmpty() ? DocumentManagement.sha256(file.getBytes()) : hash;
        if (given == null || given.isBlank()) {
            model.addAttribute("checkError", "请上传文书 PDF 文件或粘贴其 SHA-256 哈希值");
            return view;
        }
        model.addAttribute("checkedHash", given.strip().toLowerCase());
        model.addAttribute("matches", v.matches(given));
        model.addAttribute("checkedFile", file != null && !file.isEmpty() ? file.getOriginalFilename() : null);
        return view;
    }

    private String lookup(String code, Model model) {
        model.addAttribute("code", code);
        try {
            model.addAttribute("verification", documents.verify(code));
        } catch (RuleViolation e) {
            model.addAttribute("error", e.getMessage());
        }
        return "documents/verify";
    }
}

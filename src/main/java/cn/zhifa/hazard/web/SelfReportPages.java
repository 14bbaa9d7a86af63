package cn.zhifa.hazard.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.evidence.EvidenceSource;
import cn.zhifa.evidence.Upload;
import cn.zhifa.hazard.SelfReporting;
import cn.zhifa.shared.RuleViolation;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 企业自报隐患: the officer's link page and the enterprise's public form (no login, one enterprise). */
@Controller
class SelfReportPages {

    private final SelfReporting reporting;

    private final cn.zhifa.shared.web.PublicAddress publicAddress;

    SelfReportPages(SelfReporting reporting, cn.zhifa.shared.web.PublicAddress publicAddress) {
        this.reporting = reporting;
        this.publicAddress = publicAddress;
    }

    @PostMapping("/hazards/report-links")
    @Allowed(Action.HANDLE_HAZARD)
    @AuditAction("生成企业自报链接")
    String createLink(@RequestParam(required = false) Long enterpriseId, RedirectAttributes redirect) {
        try {
            if (enterpriseId == null) {
                throw new RuleViolation("请选择企业。");
            }
            SelfReporting.Link link = reporting.createLink(enterpriseId);
            redirect.addFlashAttribute("message", "已生成“" + link.enterpriseName() + "”的隐患自报链接（90天内有效）："
                    + publicAddress.link(link.path()));
        } catch (RuleViolation refused) {
            redirect.addFlashAttribute("refusal", refused.getMessage());
        }
        return "redirect:/hazards?filter=all";
    }

    @GetMapping("/hazard-report/{token}")
    String form(@PathVariable String token, Model model) {
        model.addAttribute("link", reporting.link(token).orElse(null));
        model.addAttribute("token", token);
        return "hazard/self-report";
    }

    @PostMapping("/hazard-report/{token}")
    @Allowed(Action.PUBLIC)
    String report(@PathVariable String token, @RequestParam(required = false) String description,
                  @RequestParam(required = false) String location, @RequestParam(defaultValue = "false") boolean major,
                  @RequestParam(required = false) String reporter,
                  @RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
                  RedirectAttributes redirect) {
        List<InputStream> opened = new ArrayList<>();
        try {
            List<Upload> uploads = new ArrayList<>();
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (!file.isEmpty()) {
                    InputStream in = file.getInputStream();
                    opened.add(in);
                    uploads.add(Upload.of(in, file.getOriginalFilename(), EvidenceSource.UPLOAD));
                }
            }
            reporting.report(token, description, location, major, reporter, uploads);
            redirect.addFlashAttribute("message", "隐患已报送，执法人员核实后会与您联系。");
            return "redirect:/hazard-report/" + token;
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return form(token, model);
        } catch (IOException e) {
            model.addAttribute("refusal", "无法读取上传的文件。");
            return form(token, model);
        } finally {
            for (InputStream in : opened) {
                try {
                    in.close();
                } catch (IOException ignored) {
                    // closing an upload stream cannot fail meaningfully
                }
            }
        }
    }
}

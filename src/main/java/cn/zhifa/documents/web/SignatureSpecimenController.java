package cn.zhifa.documents.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.audit.Audit;
import cn.zhifa.audit.AuditAction;
import cn.zhifa.documents.SignatureSpecimen;
import cn.zhifa.documents.SignatureSpecimens;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Actor;
import cn.zhifa.shared.security.Actors;
import org.springframework.http.CacheControl;
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

/** 我的签名: the logged-in user draws and saves their signature (签名样式) and sees the ones it replaced. */
@Controller
@RequestMapping("/documents/signature")
@Allowed(Action.KEEP_SIGNATURE_SPECIMEN)
class SignatureSpecimenController {

    private final SignatureSpecimens specimens;

    SignatureSpecimenController(SignatureSpecimens specimens) {
        this.specimens = specimens;
    }

    @GetMapping
    String page(Model model) {
        Actor me = Actors.require();
        model.addAttribute("current", specimens.current(me.username()).orElse(null));
        model.addAttribute("history", specimens.history(me.username()));
        model.addAttribute("name", me.displayName());
        return "documents/signature";
    }

    @PostMapping
    @Allowed(Action.KEEP_SIGNATURE_SPECIMEN)
    @AuditAction("登记签名样式")
    String save(@RequestParam(required = false) String png, Model model, RedirectAttributes redirect) {
        Actor me = Actors.require();
        try {
            SignatureSpecimen saved = specimens.registerDataUrl(me.username(), me.displayName(), png, me.username());
            Audit.target("签名样式", saved.id());
            Audit.detail("SHA-256 " + saved.sha256());
        } catch (RuleViolation refused) {
            model.addAttribute("refusal", refused.getMessage());
            return page(model);
        }
        redirect.addFlashAttribute("message", "签名已保存：此后您签署的审批表、呈批表等文书使用此签名。");
        return "redirect:/documents/signature";
    }

    /** The image of one of the user's own specimens (nobody else's). */
    @GetMapping("/{id}.png")
    ResponseEntity<byte[]> image(@PathVariable long id) {
        Actor me = Actors.require();
        SignatureSpecimen s = specimens.find(id).filter(found -> found.username().equals(me.username()))
                .orElseThrow(() -> RuleViolation.notFound("没有这份签名样式。"));
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .body(specimens.png(s.id()).orElseThrow());
    }
}

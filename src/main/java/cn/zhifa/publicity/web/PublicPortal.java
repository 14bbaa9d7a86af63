package cn.zhifa.publicity.web;

import cn.zhifa.publicity.PublicPenalty;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.PathVariable;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.shared.web.Page;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The public portal (no login): published 行政处罚决定, searchable, personal data masked. */
@Controller
class PublicPortal {

    private final PublicityManagement publicity;

    PublicPortal(PublicityManagement publicity) {
        this.publicity = publicity;
    }

    @GetMapping("/public/penalties")
    String penalties(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        Page<PublicPenalty> result = publicity.publicPenalties(q, Page.number(page), 20);
        model.addAttribute("page", result);
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-penalties";
    }

    @GetMapping("/api/v1/public/penalties")
    @ResponseBody
    ResponseEntity<PageBody<PublicPenalty>> api(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                                                @RequestParam(required = false) Integer size) {
        Page<PublicPenalty> result = publicity.publicPenalties(q, Page.number(page), Page.size(size));
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(PageBody.of(result));
    }

    /** 亮证: anyone checks an officer's 行政执法证 by its number (the QR code on the card links here). */
    @GetMapping("/public/officers/{certificateNo}")
    String officer(@PathVariable String certificateNo, Model model, HttpServletResponse response) {
        var check = publicity.officer(certificateNo);
        if (check.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        }
        model.addAttribute("check", check.orElse(null));
        model.addAttribute("certificateNo", certificateNo);
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-officer";
    }

    /** The list shape of the API: items, total, page, size. */
    record PageBody<T>(List<T> items, long total, int page, int size) {
        static <T> PageBody<T> of(Page<T> page) {
            return new PageBody<>(page.items(), page.total(), page.number(), page.size());
        }
    }
}

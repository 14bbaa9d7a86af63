package cn.zhifa.publicity.web;

import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.publicity.TypicalCase;
import cn.zhifa.shared.web.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 典型案例 on the public portal and its API (no login). */
@Controller
class PublicTypicalCases {

    private final PublicityManagement publicity;

    PublicTypicalCases(PublicityManagement publicity) {
        this.publicity = publicity;
    }

    @GetMapping("/public/cases")
    String page(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", publicity.publicTypicalCases(Page.number(page), 20));
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-cases";
    }

    @GetMapping("/api/v1/public/cases")
    @ResponseBody
    ResponseEntity<PublicPortal.PageBody<TypicalCase>> api(@RequestParam(required = false) Integer page,
                                                          @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(PublicPortal.PageBody.of(publicity.publicTypicalCases(Page.number(page), Page.size(size))));
    }
}

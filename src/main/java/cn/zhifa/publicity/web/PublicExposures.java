package cn.zhifa.publicity.web;

import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.publicity.internal.ExposureBoard;
import cn.zhifa.shared.web.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** 隐患曝光台 on the public portal and its API (no login). */
@Controller
class PublicExposures {

    private final ExposureBoard board;
    private final PublicityManagement publicity;

    PublicExposures(ExposureBoard board, PublicityManagement publicity) {
        this.board = board;
        this.publicity = publicity;
    }

    @GetMapping("/public/exposures")
    String page(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", board.page(q, Page.number(page), 20));
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("authority", publicity.portalAuthority());
        return "publicity/public-exposures";
    }

    @GetMapping("/api/v1/public/exposures")
    @ResponseBody
    ResponseEntity<PublicPortal.PageBody<ExposureBoard.Exposure>> api(@RequestParam(required = false) String q,
                                                                      @RequestParam(required = false) Integer page,
                                                                      @RequestParam(required = false) Integer size) {
        return ResponseEntity.ok().cacheControl(CacheControl.noCache())
                .body(PublicPortal.PageBody.of(board.page(q, Page.number(page), Page.size(size))));
    }
}

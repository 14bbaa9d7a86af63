package cn.zhifa.credit.web;

import cn.zhifa.credit.CreditManagement;
import cn.zhifa.credit.SeriousListEntry;
import cn.zhifa.shared.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import java.util.List;

/** The public 严重失信主体名单 (no login): page and API. */
@Controller
class PublicCredit {

    /** The API list shape shared by every list: items, total, page, size. */
    record SeriousList(List<SeriousListEntry> items, long total, int page, int size) {
    }

    private final CreditManagement credit;

    PublicCredit(CreditManagement credit) {
        this.credit = credit;
    }

    @GetMapping("/public/credit")
    String page(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("list", credit.seriousList(q, page, 20));
        model.addAttribute("q", q == null ? "" : q);
        return "credit/public";
    }

    @GetMapping("/api/v1/public/credit/serious-list")
    @ResponseBody
    SeriousList api(@RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page,
                    @RequestParam(required = false) Integer size) {
        Page<SeriousListEntry> p = credit.seriousList(q, page, Page.size(size));
        return new SeriousList(p.items(), p.total(), p.number(), p.size());
    }
}

package cn.zhifa.emergency.web;

import cn.zhifa.emergency.internal.EmergencyRegisters;
import cn.zhifa.emergency.internal.InsuranceBook;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The firms of the 高危行业 that must hold 安责险 and whose cover lapsed, is missing or ends soon (LEADER, SUPERVISOR). */
@Controller
@Allowed(Action.READ_INSURANCE_LAPSES)
class InsuranceLapsePages {

    private final InsuranceBook book;
    private final EmergencyRegisters registers;

    InsuranceLapsePages(InsuranceBook book, EmergencyRegisters registers) {
        this.book = book;
        this.registers = registers;
    }

    @GetMapping("/emergency/insurance/lapses")
    String list(@RequestParam(required = false) Long unitId, @RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("rows", Page.of(book.lapses(unitId), Page.number(page), 20));
        model.addAttribute("unitId", unitId);
        model.addAttribute("units", registers.units());
        model.addAttribute("rules", book.rules());
        return "emergency/lapses";
    }

    @GetMapping("/emergency/insurance/lapses.xlsx")
    ResponseEntity<byte[]> export(@RequestParam(required = false) Long unitId) {
        List<List<String>> rows = book.lapses(unitId).stream().map(l -> List.of(l.unitName(), l.firm().name(), l.firm().uscc(),
                l.industry(), l.standing().label(), l.lastInsurer(), l.lastPolicyNumber())).toList();
        return Sheets.xlsx("安责险脱保企业", List.of("所属单位", "企业名称", "统一社会信用代码", "高危行业", "投保情况", "最近承保机构", "最近保单号"), rows);
    }
}

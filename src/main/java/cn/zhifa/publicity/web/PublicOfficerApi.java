package cn.zhifa.publicity.web;

import cn.zhifa.publicity.OfficerCheck;
import cn.zhifa.publicity.PublicityManagement;
import cn.zhifa.shared.RuleViolation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** 亮证 API (no login): an unknown number is a 404 problem detail in Chinese. */
@RestController
class PublicOfficerApi {

    private final PublicityManagement publicity;

    PublicOfficerApi(PublicityManagement publicity) {
        this.publicity = publicity;
    }

    @GetMapping("/api/v1/public/officers/{certificateNo}")
    OfficerCheck officer(@PathVariable String certificateNo) {
        return publicity.officer(certificateNo)
                .orElseThrow(() -> RuleViolation.notFound("未查到证号为" + certificateNo + "的行政执法证。"));
    }
}

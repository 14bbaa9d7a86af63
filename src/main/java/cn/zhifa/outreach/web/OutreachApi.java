package cn.zhifa.outreach.web;

import cn.zhifa.evidence.Idempotency;
import cn.zhifa.outreach.internal.Activities;
import cn.zhifa.outreach.internal.ActivityKind;
import cn.zhifa.outreach.internal.Experts;
import cn.zhifa.outreach.internal.LetterKind;
import cn.zhifa.outreach.internal.Letters;
import cn.zhifa.shared.RuleViolation;
import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * 普法活动, 帮扶走访, 专家名录 and the 提示函 / 警示函 over JSON, with the pages' rules and scope: lists of the caller's
 * units, records of the caller's unit (creates take an optional Idempotency-Key); experts' phones are masked.
 */
@RestController
@Tag(name = "普法与帮扶", description = "普法活动、帮扶走访、专家名录、提示函与警示函")
@Allowed(Action.READ_BUSINESS)
class OutreachApi {

    private final Activities activities;
    private final Experts experts;
    private final Letters letters;
    private final Idempotency idempotency;
    private final JsonMapper json;

    OutreachApi(Activities activities, Experts experts, Letters letters, Idempotency idempotency, JsonMapper json) {
        this.activities = activities;
        this.experts = experts;
        this.letters = letters;
        this.idempotency = idempotency;
        this.json = json;
    }

    /** An expert as the API shows it: the phone masked (138****5678). */
    record ExpertView(long id, long unitId, String unitName, String name, String field, String workUnit, String phone) {

        static ExpertView of(Experts.ExpertView e) {
            return new ExpertView(e.id(), e.organizationId(), e.unitName(), e.name(), e.field(), e.workUnit(), e.maskedPhone());
        }
    }

    record Created(long id) {
    }

    @GetMapping("/api/v1/outreach/activities")
    @Operation(summary = "普法活动（本单位及下级单位，新的在前）：kind 活动类型，year 年度，q 关键字")
    Page<Activities.ActivityView> activities(@RequestParam(required = false) ActivityKind kind,
                                             @RequestParam(required = false) Integer year, @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return activities.search(new Activities.Filter(kind, year, Workbook.blankToNull(q)), Page.number(page), Page.size(size));
    }

    @PostMapping("/api/v1/outreach/activities")
    @Allowed(Action.RECORD_OUTREACH)
    @Operation(summary = "登记本单位的普法活动（可带 Idempotency-Key，重试不会重复登记）")
    ResponseEntity<String> recordActivity(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @RequestBody Activities.RecordActivity body) {
        return idempotency.onceIfKeyed(key, "outreach.activity", json.writeValueAsString(body), HttpStatus.CREATED,
                () -> new Created(activities.record(required(body))));
    }

    @GetMapping("/api/v1/outreach/visits")
    @Operation(summary = "帮扶走访（本单位及下级单位，新的在前）：year 年度，enterpriseId 企业")
    Page<Experts.VisitView> visits(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long enterpriseId,
                                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        if (enterpriseId != null) {
            experts.firm(enterpriseId);
        }
        return experts.visits(new Experts.VisitFilter(year, enterpriseId), Page.number(page), Page.size(size));
    }

    @PostMapping("/api/v1/outreach/visits")
    @Allowed(Action.RECORD_OUTREACH)
    @Operation(summary = "登记帮扶走访：本单位范围内的企业、专家和执法人员（可带 Idempotency-Key）")
    ResponseEntity<String> recordVisit(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                       @RequestBody Experts.RecordVisit body) {
        return idempotency.onceIfKeyed(key, "outreach.visit", json.writeValueAsString(body), HttpStatus.CREATED,
                () -> new Created(experts.recordVisit(required(body))));
    }

    @GetMapping("/api/v1/outreach/experts")
    @Operation(summary = "专家名录（电话打码）：q 姓名、专业领域或工作单位")
    Page<ExpertView> experts(@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                             @RequestParam(required = false) Integer size) {
        return experts.experts(Workbook.blankToNull(q), Page.number(page), Page.size(size)).map(ExpertView::of);
    }

    @PostMapping("/api/v1/outreach/experts")
    @Allowed(Action.RECORD_OUTREACH)
    @Operation(summary = "登记专家（可带 Idempotency-Key）")
    ResponseEntity<String> registerExpert(@RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @RequestBody Experts.RegisterExpert body) {
        return idempotency.onceIfKeyed(key, "outreach.expert", json.writeValueAsString(body), HttpStatus.CREATED,
                () -> new Created(experts.register(required(body))));
    }

    @GetMapping("/api/v1/outreach/letters")
    @Operation(summary = "提示函、警示函（本单位及下级单位）：kind TIP 提示函、WARNING 警示函，year 年度，enterpriseId 企业；"
            + "documentId 为文书编号，可在 /api/v1/documents/{id}/pdf 取得文书")
    Page<Letters.LetterView> letters(@RequestParam(required = false) LetterKind kind, @RequestParam(required = false) Integer year,
                                     @RequestParam(required = false) Long enterpriseId, @RequestParam(required = false) Integer page,
                                     @RequestParam(required = false) Integer size) {
        if (enterpriseId != null) {
            experts.firm(enterpriseId);
        }
        return letters.search(new Letters.Filter(kind, year, enterpriseId), Page.number(page), Page.size(size));
    }

    private static <T> T required(T body) {
        if (body == null) {
            throw new RuleViolation("请求内容为空，未作任何修改。");
        }
        return body;
    }
}

package cn.zhifa.registry.web;

import cn.zhifa.shared.security.Action;
import cn.zhifa.shared.security.Allowed;
import cn.zhifa.organization.DataScope;
import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.EnterpriseManagement;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.OfficerManagement;
import cn.zhifa.registry.OfficerSummary;
import cn.zhifa.shared.Verdict;
import cn.zhifa.shared.security.Actors;
import cn.zhifa.shared.web.Page;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The enterprise library and certified officers over JSON (data-scoped). */
@RestController
@Tag(name = "企业库与执法人员", description = "企业查询与登记、持证执法人员")
@Allowed(Action.READ_BUSINESS)
class RegistryApi {

    private final EnterpriseManagement enterprises;
    private final OfficerManagement officers;
    private final DataScope scope;
    private final Clock clock;

    private final cn.zhifa.evidence.Idempotency idempotency;
    private final tools.jackson.databind.json.JsonMapper json;

    RegistryApi(EnterpriseManagement enterprises, OfficerManagement officers, DataScope scope, Clock clock,
                cn.zhifa.evidence.Idempotency idempotency, tools.jackson.databind.json.JsonMapper json) {
        this.idempotency = idempotency;
        this.json = json;
        this.enterprises = enterprises;
        this.officers = officers;
        this.scope = scope;
        this.clock = clock;
    }

    @GetMapping("/api/v1/enterprises")
    @Operation(summary = "查询企业（名称/拼音首字母/信用代码、行业、区划、风险特征、状态、层级；total 最多精确计数到上限+1）")
    Page<EnterpriseSummary> search(EnterpriseFilter filter, @RequestParam(required = false) Integer page,
                                   @RequestParam(required = false) Integer size) {
        return enterprises.search(filter.query(), Page.number(page), Page.size(size));
    }

    @GetMapping("/api/v1/enterprises/{id}")
    @Operation(summary = "企业概要（法定代表人电话打码，如 136****0001）",
            description = "legalRepresentativePhone 打码返回；完整号码须另行调用 GET /api/v1/enterprises/{id}/phone（个人信息查阅，记入审计日志）。")
    EnterpriseSummary enterprise(@PathVariable long id) {
        return enterprises.profile(id).summary().withPhoneMasked();
    }

    /** A firm's full phone as the API reveals it: which field, its Chinese label and the number. */
    @io.swagger.v3.oas.annotations.media.Schema(description = "完整电话号码（个人信息查阅）")
    record Phone(@io.swagger.v3.oas.annotations.media.Schema(description = "字段名，如 legalRepresentativePhone") String field,
                 @io.swagger.v3.oas.annotations.media.Schema(description = "字段名称，如 法定代表人电话") String label,
                 @io.swagger.v3.oas.annotations.media.Schema(description = "完整号码") String phone) {
    }

    @GetMapping("/api/v1/enterprises/{id}/phone")
    @Operation(summary = "查看法定代表人完整电话（个人信息查阅，记入审计日志）",
            description = "可查看该企业档案的用户均可调用；每次调用按“查看企业法定代表人电话”记入审计日志。未登记电话时 404。")
    Phone phone(@PathVariable long id) {
        return new Phone("legalRepresentativePhone", "法定代表人电话", enterprises.legalRepresentativePhone(id));
    }

    @PostMapping("/api/v1/enterprises")
    @Allowed(Action.EDIT_ENTERPRISE)
    @Operation(summary = "登记企业（统一社会信用代码已存在时 409；返回的法定代表人电话打码）")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "已登记",
            content = @io.swagger.v3.oas.annotations.media.Content(
                    schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = EnterpriseSummary.class)))
    ResponseEntity<String> register(@org.springframework.web.bind.annotation.RequestHeader(
                                            name = cn.zhifa.evidence.Idempotency.HEADER, required = false) String key,
                                    @RequestBody EnterpriseForm form) {
        return idempotency.onceIfKeyed(key, "registry.enterprise", json.writeValueAsString(form),
                org.springframework.http.HttpStatus.CREATED, () -> enterprises.register(form).withPhoneMasked());
    }

    @GetMapping("/api/v1/officers/certified")
    @Operation(summary = "某日持有效执法证的执法人员（本单位及下级单位）")
    Page<OfficerSummary> certified(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
                                  @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return Page.of(officers.certifiedOfficers(scope.visibleOrganizationIds(), on == null ? LocalDate.now(clock) : on), page, size);
    }

    @GetMapping("/api/v1/officers/{userId}/may-enforce")
    @Operation(summary = "某人某日能否从事行政执法（持证执法）")
    Verdict mayEnforce(@PathVariable long userId,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on) {
        Actors.require();
        return officers.mayEnforce(userId, on == null ? LocalDate.now(clock) : on);
    }
}

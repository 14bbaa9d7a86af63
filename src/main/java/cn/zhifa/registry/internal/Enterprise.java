package cn.zhifa.registry.internal;

import cn.zhifa.registry.EnterpriseForm;
import cn.zhifa.registry.EnterpriseStatus;
import cn.zhifa.registry.EnterpriseSummary;
import cn.zhifa.registry.Industry;
import cn.zhifa.registry.IndustryCatalog;
import cn.zhifa.registry.RiskFeature;
import cn.zhifa.registry.SupervisionLevel;
import cn.zhifa.shared.RuleViolation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A regulated enterprise (生产经营单位). Lifecycle: registered (在业 or as imported) → described again and
 * again (every changed field is returned as a {@link FieldChange} for the history) → 停业 ⇄ 在业 → 注销
 * (final) ; a near-duplicate may be merged into another record, after which it is read-only and its USCC no
 * longer counts as active.
 */
public final class Enterprise {

    /** One changed field for the history. */
    public record FieldChange(String field, String oldValue, String newValue) {
    }

    private final Long id;
    private final String uscc;
    private String name;
    private String legalRepresentative;
    private String legalRepresentativeId;
    /** 法定代表人（负责人）职务 and 联系电话, printed as the party's 职务 and phone on case documents. */
    private String legalRepresentativeTitle;
    private String legalRepresentativePhone;
    private String principalLeader;
    private String principalPhone;
    private String safetyManager;
    private String safetyPhone;
    private String registeredAddress;
    private String operatingAddress;
    private String townCode;
    private Industry industry;
    private int employees;
    private BigDecimal annualOutput;
    private EnterpriseStatus status;
    private Set<RiskFeature> riskFeatures;
    private Integer majorHazardGrade;
    private boolean whitelisted;
    private SupervisionLevel level;
    private long organizationId;
    private Long mergedInto;
    private final boolean demo;
    private final int version;
    private final Instant createdAt;
    private Instant updatedAt;

    Enterprise(Long id, String uscc, String name, String legalRepresentative, String legalRepresentativeId,
               String principalLeader, String principalPhone, String safetyManager, String safetyPhone,
               String registeredAddress, String operatingAddress, String townCode, Industry industry, int employees,
               BigDecimal annualOutput, EnterpriseStatus status, Set<RiskFeature> riskFeatures, Integer majorHazardGrade,
               boolean whitelisted, SupervisionLevel level, long organizationId, Long mergedInto, boolean demo,
               int version, Instant createdAt, Instant updatedAt) {
        this.id = id;
        this.uscc = uscc;
        this.name = name;
        this.legalRepresentative = legalRepresentative;
        this.legalRepresentativeId = legalRepresentativeId;
        this.principalLeader = principalLeader;
        this.principalPhone = principalPhone;
        this.safetyManager = safetyManager;
        this.safetyPhone = safetyPhone;
        this.registeredAddress = registeredAddress;
        this.operatingAddress = operatingAddress;
        this.townCode = townCode;
        this.industry = industry;
        this.employees = employees;
        this.annualOutput = annualOutput;
        this.status = status;
        this.riskFeatures = riskFeatures.isEmpty() ? EnumSet.noneOf(RiskFeature.class) : EnumSet.copyOf(riskFeatures);
        this.majorHazardGrade = majorHazardGrade;
        this.whitelisted = whitelisted;
        this.level = level;
        this.organizationId = organizationId;
        this.mergedInto = mergedInto;
        this.demo = demo;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
    }

    /** A new record from a form whose {@link EnterpriseForm#problems()} are empty. */
    public static Enterprise register(EnterpriseForm form, long organizationId, boolean demo, Instant now) {
        Enterprise enterprise = new Enterprise(null, form.uscc().strip(), null, null, null, null, null, null, null, null,
                null, null, null, 0, null, form.status(), Set.of(), null, false, form.level(), organizationId, null,
                demo, 0, now, now);
        enterprise.take(form, organizationId);
        return enterprise;
    }

    /**
     * Describes the enterprise anew; returns the changed fields (empty: nothing changed). The USCC is the
     * identity and never changes; a cancelled enterprise stays cancelled; a merged one is read-only.
     */
    public List<FieldChange> describe(EnterpriseForm form, long organizationId, Instant now) {
        if (mergedInto != null) {
            throw new RuleViolation("该企业已合并到其他记录，不能再修改。");
        }
        if (!uscc.equals(form.uscc().strip())) {
            throw new RuleViolation("统一社会信用代码是企业的标识，不能修改；如登记有误，请新增正确的企业后将本记录合并过去。");
        }
        if (status == EnterpriseStatus.CANCELLED && form.status() != EnterpriseStatus.CANCELLED) {
            throw new RuleViolation("已注销的企业不能恢复为“" + form.status().label() + "”。");
        }
        Map<String, String> before = fields();
        take(form, organizationId);
        Map<String, String> after = fields();
        List<FieldChange> changes = new ArrayList<>();
        before.forEach((field, old) -> {
            String now2 = after.get(field);
            if (!Objects.equals(old, now2)) {
                changes.add(new FieldChange(field, old, now2));
            }
        });
        if (!changes.isEmpty()) {
            updatedAt = now;
        }
        return changes;
    }

    /** Merges this (duplicate) record into {@code target}; history stays with both records. */
    public FieldChange mergeInto(Enterprise target, Instant now) {
        if (mergedInto != null) {
            throw new RuleViolation("该企业已合并过，不能重复合并。");
        }
        if (target.id.equals(id)) {
            throw new RuleViolation("不能把企业合并到它自己。");
        }
        if (target.mergedInto != null) {
            throw new RuleViolation("目标企业已被合并，请选择保留的记录。");
        }
        mergedInto = target.id;
        updatedAt = now;
        return new FieldChange("合并", null, "合并到 " + target.name + "（" + target.uscc + "）");
    }

    private void take(EnterpriseForm form, long organizationId) {
        this.name = form.name().strip();
        this.legalRepresentative = form.legalRepresentative().strip();
        this.legalRepresentativeId = blankToNull(form.legalRepresentativeId(), true);
        this.legalRepresentativeTitle = blankToNull(form.legalRepresentativeTitle(), false);
        this.legalRepresentativePhone = blankToNull(form.legalRepresentativePhone(), false);
        this.principalLeader = blankToNull(form.principalLeader(), false);
        this.principalPhone = blankToNull(form.principalPhone(), false);
        this.safetyManager = blankToNull(form.safetyManager(), false);
        this.safetyPhone = blankToNull(form.safetyPhone(), false);
        this.registeredAddress = blankToNull(form.registeredAddress(), false);
        this.operatingAddress = blankToNull(form.operatingAddress(), false);
        this.townCode = form.townCode().strip();
        this.industry = IndustryCatalog.division(form.industry()).orElseThrow();
        this.employees = form.employees();
        this.annualOutput = form.annualOutputWan() == null ? null
                : form.annualOutputWan().multiply(BigDecimal.valueOf(10_000)).setScale(2, RoundingMode.HALF_UP);
        this.status = form.status();
        this.riskFeatures = form.riskFeaturesOrEmpty();
        this.majorHazardGrade = form.majorHazardGrade();
        this.whitelisted = Boolean.TRUE.equals(form.whitelisted());
        this.level = form.level();
        this.organizationId = organizationId;
    }

    /** The described fields as shown in the history (labels of {@link EnterpriseForm#LABELS}). */
    Map<String, String> fields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("企业名称", name);
        fields.put("法定代表人", legalRepresentative);
        fields.put("法定代表人身份证号", legalRepresentativeId == null ? null : cn.zhifa.law.IdNumber.parse(legalRepresentativeId)
                .parsed().map(cn.zhifa.law.IdNumber::masked).orElse("已修改"));
        fields.put("法定代表人职务", legalRepresentativeTitle);
        fields.put("法定代表人电话", legalRepresentativePhone);
        fields.put("主要负责人", principalLeader);
        fields.put("主要负责人电话", principalPhone);
        fields.put("安全管理人员", safetyManager);
        fields.put("安全管理人员电话", safetyPhone);
        fields.put("注册地址", registeredAddress);
        fields.put("经营地址", operatingAddress);
        fields.put("乡镇（街道）区划代码", townCode);
        fields.put("行业", industry == null ? null : industry.label());
        fields.put("从业人数", String.valueOf(employees));
        fields.put("年产值（元）", annualOutput == null ? null : annualOutput.toPlainString());
        fields.put("经营状态", status.label());
        fields.put("风险特征", riskFeatures.stream().map(RiskFeature::label).collect(Collectors.joining("、")));
        fields.put("重大危险源等级", majorHazardGrade == null ? null : String.valueOf(majorHazardGrade));
        fields.put("白名单", whitelisted ? "是" : "否");
        fields.put("监管层级", level.label());
        fields.put("监管单位", String.valueOf(organizationId));
        return fields;
    }

    public EnterpriseSummary summary() {
        return new EnterpriseSummary(id, name, uscc, legalRepresentative,
                operatingAddress != null ? operatingAddress : registeredAddress, townCode, industry,
                Collections.unmodifiableSet(riskFeatures), majorHazardGrade, status, level, organizationId, whitelisted,
                employees, legalRepresentativeTitle, legalRepresentativePhone);
    }

    /** The current values as a form to edit (annual output back in 万元). */
    public EnterpriseForm toForm() {
        return new EnterpriseForm(name, uscc, legalRepresentative, legalRepresentativeId, principalLeader, principalPhone,
                safetyManager, safetyPhone, registeredAddress, operatingAddress, townCode,
                industry.sectionCode() + industry.divisionCode(), employees,
                annualOutput == null ? null : annualOutput.divide(BigDecimal.valueOf(10_000), 2, RoundingMode.HALF_UP),
                status, riskFeatures, majorHazardGrade, whitelisted, level, legalRepresentativeTitle,
                legalRepresentativePhone);
    }

    /** The representative's 职务 and phone as stored (read with the row). */
    void representativeContact(String title, String phone) {
        this.legalRepresentativeTitle = title;
        this.legalRepresentativePhone = phone;
    }

    private static String blankToNull(String value, boolean upper) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return upper ? value.strip().toUpperCase() : value.strip();
    }

    public Long getId() { return id; }
    public String getUscc() { return uscc; }
    public String getName() { return name; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public String getLegalRepresentativeId() { return legalRepresentativeId; }
    public String getLegalRepresentativeTitle() { return legalRepresentativeTitle; }
    public String getLegalRepresentativePhone() { return legalRepresentativePhone; }
    public String getPrincipalLeader() { return principalLeader; }
    public String getPrincipalPhone() { return principalPhone; }
    public String getSafetyManager() { return safetyManager; }
    public String getSafetyPhone() { return safetyPhone; }
    public String getRegisteredAddress() { return registeredAddress; }
    public String getOperatingAddress() { return operatingAddress; }
    public String getTownCode() { return townCode; }
    public Industry getIndustry() { return industry; }
    public int getEmployees() { return employees; }
    public BigDecimal getAnnualOutput() { return annualOutput; }
    public EnterpriseStatus getStatus() { return status; }
    public Set<RiskFeature> getRiskFeatures() { return Collections.unmodifiableSet(riskFeatures); }
    public Integer getMajorHazardGrade() { return majorHazardGrade; }
    public boolean isWhitelisted() { return whitelisted; }
    public SupervisionLevel getLevel() { return level; }
    public long getOrganizationId() { return organizationId; }
    public Long getMergedInto() { return mergedInto; }
    public boolean isDemo() { return demo; }
    public int getVersion() { return version; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}

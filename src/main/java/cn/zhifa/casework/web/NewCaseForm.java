package cn.zhifa.casework.web;

import cn.zhifa.casework.AccidentFacts;
import cn.zhifa.casework.CaseKind;
import cn.zhifa.casework.CaseSource;
import cn.zhifa.casework.PartyKind;
import cn.zhifa.casework.PartySnapshot;
import cn.zhifa.casework.ProposedCase;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;

/** 案件来源登记 form (also the API body); with a responsible person it opens a 一案双罚 pair. */
public record NewCaseForm(
        @NotNull(message = "请选择案件来源") CaseSource source,
        @Size(max = 100, message = "来源编号不能超过 100 个字") String sourceReference,
        @NotNull(message = "请选择案件类别") CaseKind kind,
        @NotNull(message = "请选择承办单位") Long organizationId,
        Long enterpriseId,
        @NotNull(message = "请选择当事人类别") PartyKind partyKind,
        @Size(max = 200, message = "当事人名称不能超过 200 个字") String partyName,
        @Size(max = 30, message = "证件号码不能超过 30 位") String partyCode,
        @Size(max = 60, message = "法定代表人不能超过 60 个字") String legalRepresentative,
        @Size(max = 300, message = "地址不能超过 300 个字") String address,
        @NotBlank(message = "请填写案由") @Size(max = 300, message = "案由不能超过 300 个字") String title,
        String facts,
        LocalDate foundOn,
        String violationCode,
        @PositiveOrZero(message = "死亡人数不能为负数") Integer deaths,
        @PositiveOrZero(message = "重伤人数不能为负数") Integer seriousInjuries,
        @PositiveOrZero(message = "直接经济损失不能为负数") BigDecimal directLossYuan,
        @Size(max = 60, message = "责任人员姓名不能超过 60 个字") String personName,
        @Size(max = 30, message = "身份证号码不能超过 30 位") String personIdNumber,
        String personViolationCode) {

    static NewCaseForm empty(long organizationId) {
        return new NewCaseForm(CaseSource.INSPECTION, null, CaseKind.ENFORCEMENT, organizationId, null, PartyKind.UNIT,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    ProposedCase toProposal() {
        AccidentFacts accident = kind == CaseKind.ACCIDENT
                ? new AccidentFacts(deaths == null ? 0 : deaths, seriousInjuries == null ? 0 : seriousInjuries,
                directLossYuan == null ? BigDecimal.ZERO : directLossYuan) : null;
        return new ProposedCase(source, blankToNull(sourceReference), kind, organizationId, enterpriseId,
                new PartySnapshot(partyKind, partyName, blankToNull(partyCode), blankToNull(legalRepresentative), blankToNull(address)),
                title, facts, foundOn, null, blankToNull(violationCode), accident, null);
    }

    boolean dual() {
        return personName != null && !personName.isBlank();
    }

    PartySnapshot person() {
        return new PartySnapshot(PartyKind.PERSON, personName.strip(), blankToNull(personIdNumber), null, address);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package cn.zhifa.law.web;

import cn.zhifa.law.AccidentAssessment;
import cn.zhifa.law.AccidentFines;
import cn.zhifa.law.AccidentGrade;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.law.CodeCheck;
import cn.zhifa.law.Deadline;
import cn.zhifa.law.FineRange;
import cn.zhifa.law.IdNumber;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PeriodCode;
import cn.zhifa.law.StatutoryPeriods;
import cn.zhifa.law.Uscc;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The toolbox calculators on text input, shared by the JSON API and the page. */
@Component
class Toolbox {

    private final LegalCalendar calendar;
    private final StatutoryPeriods periods;
    private final AccidentGrading grading;
    private final AccidentFines fines;

    Toolbox(LegalCalendar calendar, StatutoryPeriods periods, AccidentGrading grading, AccidentFines fines) {
        this.calendar = calendar;
        this.periods = periods;
        this.grading = grading;
        this.fines = fines;
    }

    StatutoryPeriods periods() {
        return periods;
    }

    Deadline workingDays(String from, String days) {
        LocalDate start = ToolboxInput.date("from", from);
        return calendar.addWorkingDays(start, ToolboxInput.dayCount("days", days));
    }

    Deadline calendarDays(String from, String days) {
        LocalDate start = ToolboxInput.date("from", from);
        return calendar.addCalendarDays(start, ToolboxInput.dayCount("days", days));
    }

    Deadline statutoryPeriod(String period, String from) {
        return periods.due(periodNamed(period).code(), ToolboxInput.date("from", from));
    }

    /** Every configured period, in the order of {@link PeriodCode}. */
    java.util.List<cn.zhifa.law.StatutoryPeriod> periodList() {
        return java.util.Arrays.stream(PeriodCode.values()).map(periods::period).toList();
    }

    cn.zhifa.law.StatutoryPeriod periodNamed(String period) {
        PeriodCode code;
        try {
            code = PeriodCode.valueOf(ToolboxInput.required("period", period));
        } catch (IllegalArgumentException e) {
            throw new ToolboxInputException("未知的法定期限“" + period + "”");
        }
        return periods.period(code);
    }

    AccidentAssessment accidentGrade(String deaths, String seriousInjuries, String directLossYuan) {
        int dead = ToolboxInput.count("deaths", deaths, 1_000_000);
        int injured = ToolboxInput.count("seriousInjuries", seriousInjuries, 1_000_000);
        BigDecimal loss = ToolboxInput.amount("directLossYuan", directLossYuan);
        return grading.assess(dead, injured, loss);
    }

    /** The fine range; for a principal who fled or concealed the accident the grade is not needed. */
    FineRange accidentFine(String grade, String party, String aggravated, String annualIncomeYuan, String fled,
                           String concealed) {
        ToolboxInput.Party who = ToolboxInput.party(party);
        if (who == ToolboxInput.Party.UNIT) {
            AccidentGrade accidentGrade = ToolboxInput.grade(grade);
            return fines.unit(accidentGrade, ToolboxInput.flag("aggravated", aggravated));
        }
        boolean fledOrConcealed = ToolboxInput.flag("fled", fled) | ToolboxInput.flag("concealed", concealed);
        AccidentGrade accidentGrade = fledOrConcealed && (grade == null || grade.isBlank()) ? null : ToolboxInput.grade(grade);
        BigDecimal income = ToolboxInput.amount("annualIncomeYuan", annualIncomeYuan);
        return fledOrConcealed ? fines.principalFledOrConcealed(income) : fines.principal(accidentGrade, income);
    }

    CodeCheck<Uscc> uscc(String code) {
        return Uscc.parse(code);
    }

    CodeCheck<IdNumber> idNumber(String number) {
        return IdNumber.parse(number);
    }
}

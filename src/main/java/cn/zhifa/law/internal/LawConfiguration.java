package cn.zhifa.law.internal;

import cn.zhifa.law.AccidentFines;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.law.HolidayNoticeSource;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PenaltyArticles;
import cn.zhifa.law.ProcedureRules;
import cn.zhifa.law.StatutoryHolidays;
import cn.zhifa.law.StatutoryPeriods;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The module's public beans, built from {@link LawProperties} and the holiday data. */
@Configuration(proxyBeanMethods = false)
class LawConfiguration {

    @Bean
    StatutoryHolidays statutoryHolidays() {
        return BundledLawData.statutoryHolidays();
    }

    @Bean
    LegalCalendar legalCalendar(HolidayNoticeSource source, StatutoryHolidays statutoryHolidays) {
        return new LegalCalendar(source, statutoryHolidays);
    }

    @Bean
    StatutoryPeriods statutoryPeriods(LawProperties properties, LegalCalendar calendar) {
        return StatutoryPeriods.from(properties, calendar);
    }

    @Bean
    AccidentGrading accidentGrading(LawProperties properties) {
        return new AccidentGrading(properties.accidentGrading());
    }

    @Bean
    AccidentFines accidentFines(LawProperties properties) {
        return new AccidentFines(properties.accidentFines());
    }

    @Bean
    PenaltyArticles penaltyArticles(LawProperties properties) {
        return new PenaltyArticles(properties.penaltyArticles());
    }

    @Bean
    ProcedureRules procedureRules(LawProperties properties) {
        return new ProcedureRules(properties.procedure());
    }
}

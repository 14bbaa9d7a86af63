package cn.zhifa.law.internal;

import cn.zhifa.audit.AuditRecord;
import cn.zhifa.audit.AuditTrail;
import cn.zhifa.law.AccidentFines;
import cn.zhifa.law.AccidentGrading;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PenaltyArticles;
import cn.zhifa.law.ProcedureRules;
import cn.zhifa.law.StatutoryHolidays;
import cn.zhifa.law.StatutoryPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;

/** The module's public beans, built from {@link LawProperties} and the holiday data. */
@Configuration(proxyBeanMethods = false)
class LawConfiguration {

    private static final Logger log = LoggerFactory.getLogger(LawConfiguration.class);

    @Bean
    StatutoryHolidays statutoryHolidays() {
        return BundledLawData.statutoryHolidays();
    }

    /**
     * The calendar reads the holiday tables, which are first brought up to the versioned resource
     * {@code law/holidays.yml} (idempotent).
     */
    @Bean
    LegalCalendar legalCalendar(HolidayTable table, StatutoryHolidays statutoryHolidays, AuditTrail audit) {
        List<Integer> written = table.syncFrom(BundledLawData.holidayNotices());
        if (!written.isEmpty()) {
            log.info("Holiday notices {} loaded from {}", written, BundledLawData.HOLIDAYS);
            for (Integer year : written) {
                audit.record("同步节假日安排", "节假日安排通知", year, AuditRecord.Outcome.SUCCESS,
                        "从 " + BundledLawData.HOLIDAYS + " 载入" + year + "年放假安排");
            }
        }
        return new LegalCalendar(table, statutoryHolidays);
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

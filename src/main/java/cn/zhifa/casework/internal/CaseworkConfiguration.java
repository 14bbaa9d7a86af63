package cn.zhifa.casework.internal;

import cn.zhifa.casework.CasePeriods;
import cn.zhifa.casework.CaseworkRules;
import cn.zhifa.casework.DiscretionEngine;
import cn.zhifa.casework.LegalReviewTriggers;
import cn.zhifa.casework.ViolationLibrary;
import cn.zhifa.law.AccidentFines;
import cn.zhifa.law.LegalCalendar;
import cn.zhifa.law.PenaltyArticles;
import cn.zhifa.law.ProcedureRules;
import cn.zhifa.law.StatutoryPeriods;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The module's rules and engines: casework/casework-rules.yml, overridable by a "zhifa.casework" section. */
@Configuration(proxyBeanMethods = false)
class CaseworkConfiguration {

    @Bean
    CaseworkRules caseworkRules(Environment environment) {
        return CaseworkRules.from(Binder.get(environment)).orElseGet(CaseworkRules::bundled);
    }

    @Bean
    CasePeriods casePeriods(StatutoryPeriods periods, LegalCalendar calendar, ProcedureRules procedure, CaseworkRules rules) {
        return new CasePeriods(periods, calendar, procedure, rules);
    }

    @Bean
    ViolationLibrary violationLibrary(PenaltyArticles articles) {
        return new ViolationLibrary(articles);
    }

    @Bean
    DiscretionEngine discretionEngine(CaseworkRules rules, AccidentFines accidentFines) {
        return new DiscretionEngine(rules, accidentFines);
    }

    @Bean
    LegalReviewTriggers legalReviewTriggers(CaseworkRules rules) {
        return new LegalReviewTriggers(rules);
    }
}

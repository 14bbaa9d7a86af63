package cn.zhifa.accident.internal;

import cn.zhifa.law.LegalCalendar;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The module's rules: accident/accident-rules.yml, overridable by a "zhifa.accident" section. */
@Configuration(proxyBeanMethods = false)
class AccidentConfiguration {

    @Bean
    AccidentRules accidentRules(Environment environment) {
        return AccidentRules.from(Binder.get(environment)).orElseGet(AccidentRules::bundled);
    }

    @Bean
    AccidentDeadlines accidentDeadlines(AccidentRules rules, LegalCalendar calendar) {
        return new AccidentDeadlines(rules, calendar);
    }
}

package cn.zhifa.emergency.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class EmergencyConfiguration {

    @Bean
    EmergencyRules emergencyRules() {
        return EmergencyRules.bundled();
    }
}

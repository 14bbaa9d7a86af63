package cn.zhifa.credit.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CreditConfiguration {

    @Bean
    CreditPolicy creditPolicy() {
        return CreditPolicy.bundled();
    }
}

package cn.zhifa.training.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration
@EnableConfigurationProperties({TrainingRules.class, SpotQuizRules.class})
class TrainingConfiguration {
}

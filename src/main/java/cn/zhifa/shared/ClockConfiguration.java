package cn.zhifa.shared;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one source of time. Tests add a movable clock marked @Primary. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    /** Enforcement deadlines are counted in China Standard Time. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }
}

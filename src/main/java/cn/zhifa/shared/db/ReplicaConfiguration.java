package cn.zhifa.shared.db;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The optional read replica of the statistics ({@link ReadReplica}); blank {@code zhifa.replica.url}: none. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReadReplica.Settings.class)
public class ReplicaConfiguration {

    @Bean(destroyMethod = "close")
    ReadReplica readReplica(ReadReplica.Settings settings) {
        return ReadReplica.connect(settings);
    }
}

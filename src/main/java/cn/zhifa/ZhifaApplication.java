package cn.zhifa;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Zhifa: the safety-production enforcement platform of an emergency-management bureau. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@Modulithic(sharedModules = "shared")
public class ZhifaApplication {

    public static void main(String[] args) {
        SpringApplication.run(ZhifaApplication.class, args);
    }
}

package org.weiquan.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "org.weiquan")
@ConfigurationPropertiesScan
public class WeiquanApplication {

    public static void main(String[] args) {
        NoPhoningHome.apply();
        SpringApplication.run(WeiquanApplication.class, args);
    }
}

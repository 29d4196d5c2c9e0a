package org.weiquan.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.weiquan.app.migration.MoveUpCommand;

@SpringBootApplication(scanBasePackages = "org.weiquan")
@ConfigurationPropertiesScan
public class WeiquanApplication {

    public static void main(String[] args) {
        NoPhoningHome.apply();
        if (MoveUpCommand.isRequested(args)) { // moving up from the embedded store: copy, verify, exit
            System.exit(MoveUpCommand.run(args));
        }
        SpringApplication.run(WeiquanApplication.class, args);
    }
}

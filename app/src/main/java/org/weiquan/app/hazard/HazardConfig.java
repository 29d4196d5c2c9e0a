package org.weiquan.app.hazard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.hazard.HazardPolicy;

/** The hazard policy from configuration and the application's holiday calendar. */
@Configuration(proxyBeanMethods = false)
public class HazardConfig {

    @Bean
    HazardPolicy hazardPolicy(HazardPolicyProperties properties, DeadlineCalculator calculator) {
        return new HazardPolicy(LegalPeriod.parse(properties.employerAnswer()), calculator);
    }
}

package org.weiquan.app.legalaid;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.legalaid.LegalAidPolicy;

/** The legal-aid policy from configuration and the holiday calendar's deadline calculator. */
@Configuration(proxyBeanMethods = false)
public class LegalAidConfig {

    @Bean
    LegalAidPolicy legalAidPolicy(LegalAidPolicyProperties properties, DeadlineCalculator calculator) {
        return new LegalAidPolicy(LegalPeriod.parse(properties.decision()),
                LegalPeriod.parse(properties.lawyerAssignment()), LegalPeriod.parse(properties.objectionReview()),
                properties.urgentAidThresholdDays(), calculator);
    }
}

package org.weiquan.app.casefile;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.weiquan.app.dispute.DisputePolicyProperties;
import org.weiquan.command.deadline.DeadlineCalculator;
import org.weiquan.command.deadline.HolidayCalendar;
import org.weiquan.command.deadline.LegalPeriod;
import org.weiquan.command.dispute.DisputePolicy;

import java.io.IOException;
import java.io.InputStream;

/** Deadline policy from configuration, and the holiday calendar from its data file. */
@Configuration(proxyBeanMethods = false)
public class DeadlineConfig {

    @Bean
    HolidayCalendar holidayCalendar(@Value("${weiquan.holidays.location:classpath:holidays/cn.csv}") Resource data)
            throws IOException {
        try (InputStream in = data.getInputStream()) {
            return HolidayCalendar.parse(in);
        }
    }

    @Bean
    DeadlineCalculator deadlineCalculator(HolidayCalendar calendar) {
        return new DeadlineCalculator(calendar);
    }

    @Bean
    DisputePolicy disputePolicy(DisputePolicyProperties properties, DeadlineCalculator calculator) {
        return new DisputePolicy(LegalPeriod.parse(properties.mediation()),
                LegalPeriod.parse(properties.arbitrationAcceptance()), LegalPeriod.parse(properties.arbitrationAward()),
                properties.maxAwardExtensionDays(), properties.filingLimitation(), properties.collectiveThreshold(),
                calculator);
    }
}

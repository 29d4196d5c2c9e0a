package org.weiquan.app.dispute;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Period;

/**
 * The dispute periods as configuration ({@code weiquan.dispute.*}); the defaults are the law's.
 * Periods read as {@code "15 calendar-days"} or {@code "5 working-days"}.
 */
@ConfigurationProperties("weiquan.dispute")
public record DisputePolicyProperties(
        @DefaultValue("15 calendar-days") String mediation,
        @DefaultValue("5 calendar-days") String arbitrationAcceptance,
        @DefaultValue("45 calendar-days") String arbitrationAward,
        @DefaultValue("15") int maxAwardExtensionDays,
        @DefaultValue("P1Y") Period filingLimitation,
        @DefaultValue("10") int collectiveThreshold) {
}

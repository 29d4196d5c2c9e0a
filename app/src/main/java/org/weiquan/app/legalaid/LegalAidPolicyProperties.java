package org.weiquan.app.legalaid;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The legal-aid periods as configuration ({@code weiquan.legal-aid.*}); the defaults are the law's
 * (《法律援助法》 §43, §44, §49). Periods read as {@code "7 calendar-days"} or {@code "7 working-days"}.
 */
@ConfigurationProperties("weiquan.legal-aid")
public record LegalAidPolicyProperties(
        @DefaultValue("7 calendar-days") String decision,
        @DefaultValue("3 calendar-days") String lawyerAssignment,
        @DefaultValue("5 calendar-days") String objectionReview,
        @DefaultValue("7") int urgentAidThresholdDays) {
}

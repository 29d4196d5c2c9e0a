package org.weiquan.app.hazard;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The safety hazard periods as configuration ({@code weiquan.hazard.*}); the defaults are the
 * rules'. Periods read as {@code "15 calendar-days"} or {@code "15 working-days"}. The rectification
 * period itself is not here: each notice sets its own deadline.
 *
 * @param employerAnswer the employer's written answer to a notice (工会劳动法律监督办法 §20)
 */
@ConfigurationProperties("weiquan.hazard")
public record HazardPolicyProperties(@DefaultValue("15 working-days") String employerAnswer) {
}

package org.weiquan.app.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import org.weiquan.command.deadline.DeadlineCalculator;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
public class WebConfig {

    /** The one clock of the application (tests may replace it). */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Bean Validation's "past or present" means China's today, not the server's: an officer in
     * Suzhou entering today's date at 07:00 must not be told it lies in the future.
     */
    @Bean
    ValidationConfigurationCustomizer chinaValidationClock(Clock clock) {
        return configuration -> configuration.clockProvider(() -> clock.withZone(DeadlineCalculator.CHINA));
    }

    @Bean
    OpenAPI weiquanOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Weiquan 维权 API")
                        .description("Case management for trade-union rights protection. Errors are RFC 9457 "
                                + "problem+json with a stable `code`. Transitions take `If-Match` with the case's ETag.")
                        .version("0.1"))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}

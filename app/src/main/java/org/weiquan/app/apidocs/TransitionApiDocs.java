package org.weiquan.app.apidocs;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.weiquan.app.casefile.CaseTransitions;

/**
 * The API document names the {@code Idempotency-Key} of every transition: {@link CaseTransitions}
 * reads it from the request, so no controller method declares it.
 */
@Configuration(proxyBeanMethods = false)
class TransitionApiDocs {

    @Bean
    OperationCustomizer transitionIdempotencyKey() {
        return (operation, handler) -> {
            boolean transition = operation.getParameters() != null && operation.getParameters().stream()
                    .anyMatch(p -> "header".equals(p.getIn()) && "If-Match".equals(p.getName()));
            if (transition) {
                operation.addParametersItem(new HeaderParameter().name(CaseTransitions.IDEMPOTENCY_KEY).required(false)
                        .description("client-chosen key (1 to 200 characters): a retry with the same key answers"
                                + " the first result, with Idempotent-Replayed: true, and changes nothing")
                        .schema(new StringSchema().maxLength(200)));
            }
            return operation;
        };
    }
}

package org.weiquan.app.axon;

import jakarta.servlet.http.HttpServletRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MetaData;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.weiquan.api.common.MetadataKeys;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.web.CorrelationIdFilter;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every command sent from an HTTP request with the authenticated actor and the request's
 * address and correlation id. The actor comes from the session's principal, never from the body.
 */
public class AuditMetadataInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(List<? extends CommandMessage<?>> messages) {
        return (index, command) -> command.andMetaData(auditData());
    }

    static MetaData auditData() {
        Map<String, Object> data = new HashMap<>();
        CurrentUser.find().ifPresent(user -> {
            data.put(MetadataKeys.ACTOR, user.username());
            data.put(MetadataKeys.ACTOR_ROLE, user.role().name());
            data.put(MetadataKeys.ORGANISATION, user.organisation().value());
        });
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            data.put(MetadataKeys.CLIENT_ADDRESS, request.getRemoteAddr());
            Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
            if (correlationId != null) data.put(MetadataKeys.CORRELATION_ID, correlationId);
        }
        return MetaData.from(data);
    }
}

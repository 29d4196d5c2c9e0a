package org.weiquan.command.common;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolution;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.eventsourcing.conflictresolution.NoConflictResolver;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;

/**
 * Every command handler of every case refuses a stale expected version before it decides anything.
 * <p>
 * Axon's event-sourcing repository, given a command whose expected version is behind the case,
 * only notes the conflict and refuses it at commit, after the handler ran: a request that lost a
 * race to a change of state was answered with that state's refusal ({@code illegal-transition})
 * instead of {@code stale-version}, which tells the client to reload. The conflict Axon noted is
 * checked here, before the handler.
 */
public class VersionCheckFirst implements HandlerEnhancerDefinition {

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(CommandMessage.class)) return original;
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(Message<?> message, T target) throws Exception {
                ConflictResolver conflict = ConflictResolution.getConflictResolver();
                if (conflict != NoConflictResolver.INSTANCE) {
                    // Axon sets a resolver only when the case is past the expected version: any
                    // change since then is a conflict.
                    conflict.detectConflicts(unseenEvents -> true);
                }
                return super.handle(message, target);
            }
        };
    }
}

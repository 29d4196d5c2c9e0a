package org.weiquan.app.casefile;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.web.ETags;

import java.util.UUID;
import java.util.function.Function;

/**
 * Sends a transition command to a case the current user may see, with the version from the
 * request's If-Match (none: no check), and answers the case's new version.
 */
@Component
public class CaseTransitions {
    private final CommandGateway commands;
    private final CaseAccess access;

    public CaseTransitions(CommandGateway commands, CaseAccess access) {
        this.commands = commands;
        this.access = access;
    }

    public long send(CaseKind kind, UUID caseId, String ifMatch, Function<Long, Object> command) {
        access.visibleCase(caseId.toString(), kind, CurrentUser.get());
        Long expectedVersion = ETags.parseIfMatch(ifMatch);
        Long version = commands.sendAndWait(command.apply(expectedVersion));
        return version;
    }
}

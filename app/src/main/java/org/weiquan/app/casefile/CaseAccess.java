package org.weiquan.app.casefile;

import org.springframework.stereotype.Component;
import org.weiquan.app.security.Role;
import org.weiquan.app.security.WeiquanUser;

/**
 * Who may see which case: officers their organisation's cases and those below it; supervisors and
 * administrators likewise from their own organisation down (at the city federation: all).
 */
@Component
public class CaseAccess {
    private final CaseRegistry registry;

    public CaseAccess(CaseRegistry registry) {
        this.registry = registry;
    }

    /** The case, when it exists and {@code user} may see it; otherwise 404 either way. */
    public RegisteredCase visibleCase(String caseId, CaseKind kind, WeiquanUser user) {
        return registry.find(caseId)
                .filter(found -> found.kind() == kind)
                .filter(found -> user.role() != Role.ANALYST && user.organisation().covers(found.organisation()))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
    }
}

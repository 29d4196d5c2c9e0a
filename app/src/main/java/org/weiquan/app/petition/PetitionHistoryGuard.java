package org.weiquan.app.petition;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.weiquan.api.common.CaseKind;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.casefile.RegisteredCase;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.WeiquanUser;

import java.util.Map;

/**
 * Applies the petition's history rule to the cross-kind history ({@code GET /api/cases/{ref}/history})
 * as well: a user of the accused organisation is refused a petition's history there too. Anything
 * that is not a petition the user may see passes through untouched, to be answered as before.
 */
@Component
public class PetitionHistoryGuard implements HandlerInterceptor {
    static final String CROSS_KIND_HISTORY = "/api/cases/*/history";

    private final CaseAccess access;
    private final PetitionReader reader;

    public PetitionHistoryGuard(CaseAccess access, PetitionReader reader) {
        this.access = access;
        this.reader = reader;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod())) return true;
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> map) || !(map.get("ref") instanceof String ref)) return true;
        WeiquanUser user = CurrentUser.find().orElse(null);
        if (user == null) return true;
        RegisteredCase found;
        try {
            found = access.visibleCase(ref, user);
        } catch (CaseNotFoundException notVisible) {
            return true; // the controller answers 404, exactly as for any other case
        }
        if (found.kind() == CaseKind.PETITION) {
            reader.requireHistoryMayBeShown(found.caseId(), user);
        }
        return true;
    }
}

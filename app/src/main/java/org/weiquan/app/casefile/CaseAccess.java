package org.weiquan.app.casefile;

import org.springframework.stereotype.Component;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.PersonalMarks;
import org.weiquan.app.security.Role;
import org.weiquan.app.security.WeiquanUser;

import java.util.Optional;
import java.util.UUID;

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
                .filter(found -> maySee(user, found))
                .orElseThrow(() -> new CaseNotFoundException(caseId));
    }

    /** The case of any kind named by its id or its case number, when {@code user} may see it. */
    public RegisteredCase visibleCase(String idOrNumber, WeiquanUser user) {
        Optional<RegisteredCase> found = isUuid(idOrNumber) ? registry.find(idOrNumber.toLowerCase())
                : registry.findByNumber(idOrNumber.strip().toUpperCase());
        return found.filter(c -> maySee(user, c)).orElseThrow(() -> new CaseNotFoundException(idOrNumber));
    }

    /**
     * A list filtered on a field marked as personal data ({@code field} of the rows it shows) is
     * not for a user who sees pseudonyms only: "the cases of officer X" picks out a person too.
     */
    public void requireFilterAllowed(WeiquanUser user, Class<? extends Record> rows, String field, String value) {
        if (value != null && !value.isBlank() && user.role() == Role.ANALYST && PersonalMarks.isPersonal(rows, field)) {
            throw new PersonalDataFilterException(field);
        }
    }

    /**
     * The officer a kind's list is filtered by, or null for none; refused as
     * {@link #requireFilterAllowed} refuses it.
     */
    public OfficerId officerFilter(WeiquanUser user, Class<? extends Record> rows, String field, String officer) {
        requireFilterAllowed(user, rows, field, officer);
        return officer == null || officer.isBlank() ? null : new OfficerId(officer.strip());
    }

    /** A filter on personal data asked for by a user who sees pseudonyms only. */
    public static class PersonalDataFilterException extends RuntimeException {
        PersonalDataFilterException(String field) {
            super("lists cannot be filtered on " + field + " by a user who sees pseudonyms only");
        }
    }

    private static boolean maySee(WeiquanUser user, RegisteredCase found) {
        return user.role() != Role.ANALYST && user.organisation().covers(found.organisation());
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

package org.weiquan.command.common;

import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.OrganisationId;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The districts each organisation works in (policy, configured): a case is filed in a district of
 * its organisation's area, so that the organisation that owns it is the one the monitoring counts it
 * under and whose officers see it. An organisation without an entry has its parent's area (a street
 * union works where its district federation does); the city federation covers every district. A
 * case that moves to another organisation is a transfer, not a filing elsewhere.
 */
public final class OrganisationAreas {
    private final Map<String, Set<District>> areas;

    public OrganisationAreas(Map<String, ? extends Set<District>> areas) {
        Map<String, Set<District>> copy = new LinkedHashMap<>();
        areas.forEach((organisation, districts) -> copy.put(organisation, Collections.unmodifiableSet(EnumSet.copyOf(
                districts.isEmpty() ? EnumSet.noneOf(District.class) : districts))));
        this.areas = Collections.unmodifiableMap(copy);
    }

    /** Suzhou's: the city federation {@code szftu} everywhere, each district federation in its own district. */
    public static OrganisationAreas cityFederation() {
        Map<String, Set<District>> areas = new LinkedHashMap<>();
        areas.put("szftu", EnumSet.allOf(District.class));
        for (District district : District.values()) {
            areas.put("szftu/" + district.name().toLowerCase(Locale.ROOT), EnumSet.of(district));
        }
        return new OrganisationAreas(areas);
    }

    /** The districts of the organisation's area: its own entry, or its nearest ancestor's; none if neither. */
    public Set<District> areaOf(OrganisationId organisation) {
        String path = organisation.value();
        while (true) {
            Set<District> area = areas.get(path);
            if (area != null) return area;
            int slash = path.lastIndexOf('/');
            if (slash < 0) return Set.of();
            path = path.substring(0, slash);
        }
    }

    /** Refuses (400 {@code case.district-outside-organisation}) a district outside the organisation's area. */
    public void requireWithinArea(OrganisationId organisation, District district) {
        if (!areaOf(organisation).contains(district)) {
            throw new InvalidCaseDataException("case.district-outside-organisation", "district",
                    district + " is outside the area of " + organisation + " (" + areaOf(organisation)
                            + "): a case of another district is filed by its organisation, or transferred to it");
        }
    }

    /**
     * What every kind's filing requires before its own rules: a case number, an organisation and a
     * district, the district within the organisation's area.
     */
    public void requireFiling(CaseRules rules, CaseNumber caseNumber, OrganisationId organisation, District district) {
        rules.requirePresent(caseNumber, "caseNumber");
        rules.requirePresent(organisation, "organisation");
        rules.requirePresent(district, "district");
        requireWithinArea(organisation, district);
    }
}

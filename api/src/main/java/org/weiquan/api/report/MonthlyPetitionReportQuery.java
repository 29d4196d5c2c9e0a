package org.weiquan.api.report;

import org.weiquan.api.common.OrganisationId;

import java.time.YearMonth;
import java.util.Objects;

/**
 * The monthly petition analysis report (信访分析月报) of {@code month} over the petitions of the
 * organisations {@code viewer} covers (its own and those below it).
 */
public record MonthlyPetitionReportQuery(OrganisationId viewer, YearMonth month) {
    public MonthlyPetitionReportQuery {
        Objects.requireNonNull(viewer, "viewer");
        Objects.requireNonNull(month, "month");
    }
}

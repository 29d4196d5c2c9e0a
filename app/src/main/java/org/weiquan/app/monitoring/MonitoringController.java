package org.weiquan.app.monitoring;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.monitoring.AlertType;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeed;
import org.weiquan.api.monitoring.MonitoringQueries.AlertFeedQuery;
import org.weiquan.api.monitoring.MonitoringQueries.CaseCounts;
import org.weiquan.api.monitoring.MonitoringQueries.CaseCountsQuery;
import org.weiquan.api.monitoring.MonitoringQueries.Rates;
import org.weiquan.api.monitoring.MonitoringQueries.RatesQuery;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.web.TimeParameters;
import org.weiquan.command.deadline.DeadlineCalculator;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Monitoring for supervisors: how many cases are open, overdue and closed, how often deadlines are
 * met and cases end well, and the alert feed. Everything is limited to the viewer's organisation
 * and those below it; none of it names a person.
 */
@RestController
@RequestMapping("/api")
@Tag(name = "Monitoring")
@Validated
public class MonitoringController {
    private final QueryGateway queries;
    private final Clock clock;

    public MonitoringController(QueryGateway queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/monitoring/summary")
    @Operation(summary = "Open, overdue and closed cases by kind, district and organisation",
            description = "organisation: only that organisation and those below it (within your own).")
    public CaseCounts summary(@RequestParam(required = false) @Size(max = 200) String organisation,
                              @RequestParam(required = false) District district,
                              @RequestParam(required = false) CaseKind kind) {
        OrganisationId only = organisation == null || organisation.isBlank() ? null : new OrganisationId(organisation);
        return queries.query(new CaseCountsQuery(CurrentUser.get().organisation(), only, district, kind),
                ResponseTypes.instanceOf(CaseCounts.class)).join();
    }

    @GetMapping("/monitoring/rates")
    @Operation(summary = "Mediation success, rectification, petition satisfaction and on-time rates per deadline",
            description = "from, to: dates (inclusive) the outcomes are dated in; open when left out.")
    public Rates rates(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(required = false) District district) {
        return queries.query(new RatesQuery(CurrentUser.get().organisation(), from, to, district),
                ResponseTypes.instanceOf(Rates.class)).join();
    }

    @GetMapping("/alerts")
    @Operation(summary = "The alert feed, newest first: collective disputes and visits, major hazards, passed deadlines",
            description = "since: an instant or a date (its start in China). dueWithinDays: also list open cases "
                    + "whose next deadline falls within that many days (DEADLINE_APPROACHING).")
    public AlertFeed alerts(@RequestParam(required = false) @Size(max = 40) String since,
                            @RequestParam(required = false) CaseKind kind,
                            @RequestParam(required = false) AlertType type,
                            @RequestParam(required = false) @Min(0) @Max(366) Integer dueWithinDays,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        LocalDate today = LocalDate.now(clock.withZone(DeadlineCalculator.CHINA));
        AlertFeedQuery query = new AlertFeedQuery(CurrentUser.get().organisation(),
                TimeParameters.startOf(since, "since"), kind, type, page, size, dueWithinDays, today);
        return queries.query(query, ResponseTypes.instanceOf(AlertFeed.class)).join();
    }
}

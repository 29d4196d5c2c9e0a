package org.weiquan.api.dispute;

import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.Worker;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of a dispute, as its officer sees it; {@code version} is the ETag for transitions.
 * {@code mediator} is the mediator's user name, {@code mediatorName} their name as the roster had it
 * at assignment (null for assignments recorded before names were kept).
 */
public record DisputeDetail(String disputeId, String caseNumber, DisputeStatus status, long version,
                            String organisation, String district, DisputeCategory category, List<Worker> workers,
                            Employer employer, String claim, BigDecimal claimedAmount, LocalDate appliedOn,
                            LocalDate infringementKnownOn, boolean filedAfterLimitation, boolean collective,
                            String officerInCharge, String mediator, String mediatorName,
                            int mediationSessions,
                            LocalDate mediationDueOn, boolean mediationPeriodExpired,
                            BigDecimal settlementAmount, LocalDate paymentDueOn, BigDecimal amountPaid,
                            String arbitrationCommission, String arbitrationCaseNumber,
                            LocalDate arbitrationAcceptanceDueOn, LocalDate awardDueOn, boolean awardPeriodExtended,
                            AwardOutcome awardOutcome, BigDecimal awardedAmount, ClosureReason closureReason,
                            List<CaseLink> links, boolean overdue, Instant filedAt, Instant lastChangedAt) {
    public DisputeDetail {
        workers = List.copyOf(workers);
        links = links == null ? List.of() : List.copyOf(links);
    }
}

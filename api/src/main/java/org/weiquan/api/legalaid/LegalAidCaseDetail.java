package org.weiquan.api.legalaid;

import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.Worker;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of a legal-aid case, as its officer sees it; {@code version} is the ETag for
 * transitions. The parts of the procedure that have not happened are null.
 */
public record LegalAidCaseDetail(String legalAidCaseId, String caseNumber, LegalAidStatus status, long version,
                                 String organisation, String district, String officerInCharge, Worker applicant,
                                 boolean migrantWorker, MatterCategory matterCategory, String matter, String grounds,
                                 BigDecimal amountClaimed, Employer employer, LocalDate appliedOn,
                                 boolean meansTestExempt, LocalDate decisionDueOn, boolean decisionOverdue,
                                 Materials materials, UrgentAid urgentAid, Decision decision, Lawyer lawyer,
                                 List<Activity> activities, Outcome outcome, ClosingReport closingReport,
                                 Objection objection, LegalAidClosureReason closureReason, String closureNote,
                                 List<CaseLink> links, boolean overdue, Instant appliedAt, Instant lastChangedAt) {
    public LegalAidCaseDetail {
        activities = activities == null ? List.of() : List.copyOf(activities);
        links = links == null ? List.of() : List.copyOf(links);
    }

    /** The one notice of missing materials and its answer. */
    public record Materials(LocalDate requestedOn, List<String> items, LocalDate supplyBy, boolean supplyOverdue,
                            LocalDate receivedOn, String note) {
        public Materials {
            items = List.copyOf(items);
        }
    }

    /** Aid ahead of the decision (§44); {@code ended} once the application was rejected. */
    public record UrgentAid(LocalDate grantedOn, LocalDate deadlineOn, String deadlineDescription, int daysRemaining,
                            boolean ended) {
    }

    /** The eligibility decision: approved (with the means test, if one was needed) or rejected (with reasons). */
    public record Decision(boolean approved, LocalDate decidedOn, boolean withinPeriod, MeansTestResult meansTest,
                           String reasons) {
    }

    /** The panel lawyer; {@code id} and {@code name} are null while none is assigned. */
    public record Lawyer(String id, String name, LocalDate assignedOn, LocalDate assignmentDueOn,
                         boolean assignmentOverdue) {
    }

    public record Activity(int number, ActivityType type, LocalDate on, String note) {
    }

    public record Outcome(AidOutcome outcome, LocalDate concludedOn, BigDecimal amountRecovered, String note) {
    }

    public record ClosingReport(LocalDate submittedOn, String summary) {
    }

    /** The objection to the rejection and its review (§49). */
    public record Objection(LocalDate lodgedOn, String grounds, LocalDate reviewDueOn, boolean reviewOverdue,
                            ObjectionFinding finding, LocalDate reviewedOn, String reasons, Boolean withinPeriod) {
    }
}

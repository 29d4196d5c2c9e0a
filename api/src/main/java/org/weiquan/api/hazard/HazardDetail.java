package org.weiquan.api.hazard;

import org.weiquan.api.common.CaseLink;
import org.weiquan.api.common.Employer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The current state of a safety hazard, as its officer sees it; {@code version} is the ETag for
 * transitions. The notice fields at the top level are those of the current notice; {@code notices}
 * holds every notice, the reissued ones included.
 */
public record HazardDetail(String hazardId, String caseNumber, HazardStatus status, long version,
                           String organisation, String district, HazardSeverity severity,
                           LocalDate escalatedToMajorOn, String escalationReason, Employer employer,
                           String location, String description, LocalDate foundOn, String inspector,
                           int noticeNumber, LocalDate rectificationDueOn, LocalDate employerAnswerDueOn,
                           boolean rectificationOverdue, boolean employerAnswerOverdue,
                           List<Notice> notices, List<ProgressEntry> progress, List<Submission> submissions,
                           List<Verification> verifications, List<MajorHazardReport> majorHazardReports,
                           boolean reportsPending, ListedSupervision listedSupervision,
                           List<Evacuation> evacuationRecommendations, HazardClosureReason closureReason,
                           LocalDate closedOn, String closureNote, List<CaseLink> links, boolean overdue,
                           Instant reportedAt, Instant lastChangedAt) {
    public HazardDetail {
        notices = copy(notices);
        progress = copy(progress);
        submissions = copy(submissions);
        verifications = copy(verifications);
        majorHazardReports = copy(majorHazardReports);
        evacuationRecommendations = copy(evacuationRecommendations);
        links = copy(links);
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** A rectification notice, first or reissued, with the employer's answer to it. */
    public record Notice(int number, boolean reissued, LocalDate issuedOn, LocalDate deadline, LocalDate dueOn,
                         LocalDate answerDueOn, String requirements, LocalDate answeredOn, String answer,
                         boolean answerOverdue, boolean rectificationOverdue) {
        public Notice withAnswer(LocalDate on, String text) {
            return new Notice(number, reissued, issuedOn, deadline, dueOn, answerDueOn, requirements, on, text,
                    answerOverdue, rectificationOverdue);
        }

        public Notice withOverdue(boolean answer, boolean rectification) {
            return new Notice(number, reissued, issuedOn, deadline, dueOn, answerDueOn, requirements, answeredOn,
                    this.answer, answerOverdue || answer, rectificationOverdue || rectification);
        }
    }

    public record ProgressEntry(int entryNumber, int noticeNumber, LocalDate recordedOn, String description) {
    }

    public record Submission(int noticeNumber, LocalDate submittedOn, String description,
                             List<EvidenceAttachment> evidence, boolean withinDeadline) {
        public Submission {
            evidence = evidence == null ? List.of() : List.copyOf(evidence);
        }
    }

    public record Verification(int noticeNumber, LocalDate verifiedOn, VerificationOutcome outcome, String findings,
                               boolean withinDeadline) {
    }

    public record MajorHazardReport(ReportRecipient recipient, String recipientName, LocalDate reportedOn,
                                    String reference) {
    }

    /** Listed supervision (挂牌督办); {@code lifted} once the case closed (销号). */
    public record ListedSupervision(LocalDate listedOn, String listedBy, String documentNumber, boolean lifted) {
    }

    public record Evacuation(int number, LocalDate recommendedOn, String reason) {
    }
}

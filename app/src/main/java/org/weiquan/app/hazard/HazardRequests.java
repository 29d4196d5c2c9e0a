package org.weiquan.app.hazard;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.weiquan.api.common.District;
import org.weiquan.api.hazard.HazardClosureReason;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.ReportRecipient;
import org.weiquan.api.hazard.VerificationOutcome;
import org.weiquan.app.casefile.PossibleDuplicate;
import org.weiquan.app.web.validation.CreditCode;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the safety hazard API. They carry what the officer enters; who acts (the
 * reporting inspector included), when the request arrived and from where come from the session and
 * the server, never from the body.
 */
public final class HazardRequests {
    private HazardRequests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ReportHazard(
            @Schema(description = "optional client-chosen id: a retry with the same id returns the first result")
            UUID hazardId,
            @NotNull District district,
            @NotNull HazardSeverity severity,
            @NotNull @Valid EmployerData employer,
            @NotBlank @Size(max = 500) String location,
            @NotBlank @Size(max = 4000) String description,
            @NotNull @PastOrPresent LocalDate foundOn) {

        /** The request's content: what makes two requests "the same" for idempotency. */
        public ReportHazard withoutId() {
            return new ReportHazard(null, district, severity, employer, location, description, foundOn);
        }
    }

    /** The employer where the hazard is; a hazard is always reported with the unified social credit code. */
    public record EmployerData(@NotBlank @Size(max = 200) String name,
                               @NotBlank @CreditCode String creditCode) {
    }

    public record IssueNotice(@NotNull @PastOrPresent LocalDate issuedOn,
                              @Schema(description = "the last day for the rectification, as the notice sets it")
                              @NotNull LocalDate deadline,
                              @NotBlank @Size(max = 4000) String requirements) {
    }

    public record RecordAnswer(@NotNull @PastOrPresent LocalDate answeredOn,
                               @NotBlank @Size(max = 4000) String summary) {
    }

    public record RecordProgress(@NotNull @PastOrPresent LocalDate recordedOn,
                                 @NotBlank @Size(max = 4000) String description) {
    }

    public record SubmitRectification(@NotNull @PastOrPresent LocalDate submittedOn,
                                      @NotBlank @Size(max = 4000) String description,
                                      @NotEmpty @Size(max = 100) List<@NotNull @Valid EvidenceData> evidence) {
    }

    /** An evidence file's metadata; its content stays with the client (or a blob store), named by its hash. */
    public record EvidenceData(@NotBlank @Size(max = 255) String fileName,
                               @NotBlank @Size(max = 255) String mediaType,
                               @NotNull @Positive Long sizeBytes,
                               @Schema(description = "SHA-256 of the file's content, 64 hex characters")
                               @NotNull @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hex characters")
                               String sha256) {
    }

    public record Verify(@NotNull @PastOrPresent LocalDate verifiedOn,
                         @NotNull VerificationOutcome outcome,
                         @NotBlank @Size(max = 4000) String findings,
                         @Schema(description = "FAILED only: the deadline of the reissued notice")
                         LocalDate newDeadline,
                         @Schema(description = "FAILED only: what the reissued notice requires")
                         @Size(max = 4000) String newRequirements) {
    }

    public record EscalateToMajor(@NotNull @PastOrPresent LocalDate escalatedOn,
                                  @NotBlank @Size(max = 4000) String reason) {
    }

    public record ReportMajorHazard(@NotNull ReportRecipient recipient,
                                    @NotBlank @Size(max = 200) String recipientName,
                                    @NotNull @PastOrPresent LocalDate reportedOn,
                                    @Size(max = 100) String reference) {
    }

    public record ListForSupervision(@NotNull @PastOrPresent LocalDate listedOn,
                                     @NotBlank @Size(max = 200) String listedBy,
                                     @Size(max = 100) String documentNumber) {
    }

    public record RecommendEvacuation(@NotNull @PastOrPresent LocalDate recommendedOn,
                                      @NotBlank @Size(max = 4000) String reason) {
    }

    public record Close(@NotNull HazardClosureReason reason,
                        @NotNull @PastOrPresent LocalDate closedOn,
                        @Size(max = 4000) String note) {
    }

    /** What a report returns, the first time and on every retry, with open hazards at the same employer. */
    public record Reported(String hazardId, String caseNumber, List<PossibleDuplicate> possibleDuplicates) {
    }

    /** What a transition returns: the hazard's new version, also sent as the ETag. */
    public record Transitioned(String hazardId, long version) {
    }
}

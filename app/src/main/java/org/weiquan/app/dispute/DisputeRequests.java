package org.weiquan.app.dispute;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.weiquan.api.common.District;
import org.weiquan.api.dispute.AwardOutcome;
import org.weiquan.api.dispute.ClosureReason;
import org.weiquan.api.dispute.DisputeCategory;
import org.weiquan.app.casefile.PossibleDuplicate;
import org.weiquan.app.web.validation.ChineseIdNumber;
import org.weiquan.app.web.validation.CreditCode;
import org.weiquan.app.web.validation.PhoneNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the dispute API. They carry what the officer enters; who acts, when the
 * request arrived and from where come from the session and the server, never from the body.
 */
public final class DisputeRequests {
    private DisputeRequests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record FileDispute(
            @Schema(description = "optional client-chosen id: a retry with the same id returns the first result")
            UUID disputeId,
            @NotNull District district,
            @NotNull DisputeCategory category,
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid WorkerData> workers,
            @NotNull @Valid EmployerData employer,
            @NotBlank @Size(max = 4000) String claim,
            @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal claimedAmount,
            @NotNull @PastOrPresent LocalDate appliedOn,
            @PastOrPresent LocalDate infringementKnownOn) {

        /** The request's content: what makes two requests "the same" for idempotency. */
        public FileDispute withoutId() {
            return new FileDispute(null, district, category, workers, employer, claim, claimedAmount, appliedOn,
                    infringementKnownOn);
        }
    }

    public record WorkerData(@NotBlank @Size(max = 50) String name,
                             @NotBlank @ChineseIdNumber String idNumber,
                             @PhoneNumber String phone) {
    }

    public record EmployerData(@NotBlank @Size(max = 200) String name,
                               @CreditCode String creditCode) {
    }

    public record Accept(@NotNull @PastOrPresent LocalDate acceptedOn) {
    }

    public record AssignMediator(@NotBlank @Size(max = 100) String mediator) {
    }

    public record RecordSession(@NotNull @PastOrPresent LocalDate heldOn, @NotBlank @Size(max = 4000) String summary) {
    }

    public record ReachSettlement(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                  @NotNull LocalDate paymentDueOn,
                                  @NotBlank @Size(max = 4000) String terms) {
    }

    public record RecordPayment(@NotNull @Positive @Digits(integer = 12, fraction = 2) BigDecimal amount,
                                @NotNull @PastOrPresent LocalDate paidOn) {
    }

    public record RecordMediationFailure(@NotBlank @Size(max = 4000) String reason) {
    }

    public record ReferToArbitration(@NotNull @PastOrPresent LocalDate referredOn,
                                     @NotBlank @Size(max = 200) String commission) {
    }

    public record RecordArbitrationAcceptance(@NotNull @PastOrPresent LocalDate acceptedOn,
                                              @NotBlank @Size(max = 100) String arbitrationCaseNumber) {
    }

    public record ExtendArbitration(@Min(1) @Max(366) int days, @NotBlank @Size(max = 4000) String reason) {
    }

    public record RecordAward(@NotNull @PastOrPresent LocalDate awardedOn, @NotNull AwardOutcome outcome,
                              @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal awardedAmount) {
    }

    public record Close(@NotNull ClosureReason reason, @Size(max = 4000) String note) {
    }

    /**
     * What a create returns, the first time and on every retry, with the open disputes naming the
     * same worker or employer.
     */
    public record Filed(String disputeId, String caseNumber, List<PossibleDuplicate> possibleDuplicates) {
    }

    /** What a transition returns: the dispute's new version, also sent as the ETag. */
    public record Transitioned(String disputeId, long version) {
    }
}

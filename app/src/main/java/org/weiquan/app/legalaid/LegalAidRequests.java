package org.weiquan.app.legalaid;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.weiquan.api.common.District;
import org.weiquan.api.legalaid.ActivityType;
import org.weiquan.api.legalaid.AidOutcome;
import org.weiquan.api.legalaid.LegalAidClosureReason;
import org.weiquan.api.legalaid.MatterCategory;
import org.weiquan.api.legalaid.ObjectionFinding;
import org.weiquan.app.casefile.PossibleDuplicate;
import org.weiquan.app.web.validation.ChineseIdNumber;
import org.weiquan.app.web.validation.CreditCode;
import org.weiquan.app.web.validation.PhoneNumber;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the legal-aid API. They carry what the officer enters; who acts, when the request
 * arrived and from where come from the session and the server, never from the body. Whether the
 * applicant is exempt from the means test is not asked: the case decides it (§42).
 */
public final class LegalAidRequests {
    private LegalAidRequests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Apply(
            @Schema(description = "optional client-chosen id: a retry with the same id returns the first result")
            UUID legalAidCaseId,
            @NotNull District district,
            @NotNull @Valid ApplicantData applicant,
            @Schema(description = "a migrant worker (进城务工人员): with WAGES or WORK_INJURY, exempt from the means test")
            @NotNull Boolean migrantWorker,
            @NotNull MatterCategory matterCategory,
            @Schema(description = "the legal matter aid is asked for") @NotBlank @Size(max = 2000) String matter,
            @Schema(description = "why the applicant asks for aid") @NotBlank @Size(max = 4000) String grounds,
            @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amountClaimed,
            @Valid EmployerData employer,
            @NotNull @PastOrPresent LocalDate appliedOn) {

        /** The request's content: what makes two requests "the same" for idempotency. */
        public Apply withoutId() {
            return new Apply(null, district, applicant, migrantWorker, matterCategory, matter, grounds, amountClaimed,
                    employer, appliedOn);
        }
    }

    public record ApplicantData(@NotBlank @Size(max = 50) String name,
                                @NotBlank @ChineseIdNumber String idNumber,
                                @PhoneNumber String phone) {
    }

    public record EmployerData(@NotBlank @Size(max = 200) String name,
                               @CreditCode String creditCode) {
    }

    public record RequestMaterials(@NotNull @PastOrPresent LocalDate requestedOn,
                                   @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 500) String> items,
                                   @NotNull LocalDate supplyBy) {
    }

    public record MaterialsReceived(@NotNull @PastOrPresent LocalDate receivedOn, @Size(max = 4000) String note) {
    }

    public record GrantUrgentAid(@NotNull @PastOrPresent LocalDate grantedOn,
                                 @Schema(description = "the limitation or procedural deadline that makes aid urgent")
                                 @NotNull LocalDate deadlineOn,
                                 @NotBlank @Size(max = 500) String deadlineDescription) {
    }

    public record Approve(@NotNull @PastOrPresent LocalDate decidedOn,
                          @Schema(description = "required unless the applicant is exempt from the means test (§42)")
                          @Valid MeansTestData meansTest) {
    }

    public record MeansTestData(@NotNull Boolean hardshipEstablished, @NotBlank @Size(max = 1000) String basis) {
    }

    public record Reject(@NotNull @PastOrPresent LocalDate decidedOn, @NotBlank @Size(max = 4000) String reasons) {
    }

    public record AssignLawyer(@Schema(description = "a lawyer of the union's panel, e.g. lawyer.zhou")
                               @NotBlank @Size(max = 64) String lawyerId,
                               @NotNull @PastOrPresent LocalDate assignedOn) {
    }

    public record RecordActivity(@NotNull ActivityType type, @NotNull @PastOrPresent LocalDate on,
                                 @NotBlank @Size(max = 4000) String note) {
    }

    public record RecordOutcome(@NotNull AidOutcome outcome, @NotNull @PastOrPresent LocalDate concludedOn,
                                @PositiveOrZero @Digits(integer = 12, fraction = 2) BigDecimal amountRecovered,
                                @Schema(description = "required for TERMINATED: the reasons (§48)")
                                @Size(max = 4000) String note) {
    }

    public record SubmitClosingReport(@NotNull @PastOrPresent LocalDate submittedOn,
                                      @NotBlank @Size(max = 20000) String summary) {
    }

    public record LodgeObjection(@NotNull @PastOrPresent LocalDate lodgedOn, @NotBlank @Size(max = 4000) String grounds) {
    }

    public record ReviewObjection(@NotNull ObjectionFinding finding, @NotNull @PastOrPresent LocalDate reviewedOn,
                                  @NotBlank @Size(max = 4000) String reasons) {
    }

    public record Close(@NotNull LegalAidClosureReason reason, @Size(max = 4000) String note) {
    }

    /**
     * What an application returns, the first time and on every retry, with the open legal-aid cases
     * naming the same applicant or employer.
     */
    public record Applied(String legalAidCaseId, String caseNumber, List<PossibleDuplicate> possibleDuplicates) {
    }

    /** What a transition returns: the case's new version, also sent as the ETag. */
    public record Transitioned(String legalAidCaseId, long version) {
    }
}

package org.weiquan.app.petition;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.weiquan.api.common.District;
import org.weiquan.api.petition.Material;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionClosureReason;
import org.weiquan.api.petition.PetitionRouting;
import org.weiquan.api.petition.PetitionSubject;
import org.weiquan.api.petition.ReviewDecision;
import org.weiquan.api.petition.SatisfactionRating;
import org.weiquan.app.casefile.PossibleDuplicate;
import org.weiquan.app.web.validation.ChineseIdNumber;
import org.weiquan.app.web.validation.CreditCode;
import org.weiquan.app.web.validation.PhoneNumber;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Request bodies of the petition API. They carry what the officer enters; who acts, when the
 * request arrived and from where come from the session and the server, never from the body.
 */
public final class PetitionRequests {
    /** An organisation path, as {@code OrganisationId} accepts it. */
    static final String ORGANISATION_PATH = "[a-z0-9-]+(/[a-z0-9-]+)*";

    private PetitionRequests() {
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    public record ReceivePetition(
            @Schema(description = "optional client-chosen id: a retry with the same id returns the first result")
            UUID petitionId,
            @NotNull District district,
            @NotNull PetitionChannel channel,
            @NotNull @PastOrPresent LocalDate receivedOn,
            @NotEmpty @Size(max = 1000) List<@NotNull @Valid PetitionerData> petitioners,
            @Schema(description = "for a visit only: how many came; more than the threshold make a collective visit")
            @Min(1) @Max(100_000) Integer visitorCount,
            @Valid EmployerData employer,
            @Schema(description = "the union unit complained about, e.g. szftu/gusu/some-union: its users never see"
                    + " whistleblower material")
            @Size(max = 200) @Pattern(regexp = ORGANISATION_PATH, message = "must be an organisation path such as"
                    + " szftu/gusu/some-union") String accusedOrganisation,
            @Schema(description = "a report (检举) whose petitioners are kept from the accused organisation")
            boolean whistleblower,
            @NotBlank @Size(max = 4000) String claim,
            @Size(max = 100) List<@NotNull @Valid MaterialData> materials,
            @Schema(description = "the earlier petition on the same claim; refused when that claim is final"
                    + " and names one of these petitioners")
            UUID earlierPetitionId) {

        /** The request's content: what makes two requests "the same" for idempotency. */
        public ReceivePetition withoutId() {
            return new ReceivePetition(null, district, channel, receivedOn, petitioners, visitorCount, employer,
                    accusedOrganisation, whistleblower, claim, materials, earlierPetitionId);
        }
    }

    public record PetitionerData(@NotBlank @Size(max = 50) String name,
                                 @NotBlank @ChineseIdNumber String idNumber,
                                 @PhoneNumber String phone) {
    }

    public record EmployerData(@NotBlank @Size(max = 200) String name,
                               @CreditCode String creditCode) {
    }

    /** A document's metadata; the bytes go to the blob store under their SHA-256. */
    public record MaterialData(@NotBlank @Size(max = 255) String fileName,
                               @NotBlank @Size(max = 100) @Pattern(regexp = "[\\w.+-]+/[\\w.+-]+",
                                       message = "must be a media type such as application/pdf") String mediaType,
                               @NotNull @PositiveOrZero Long sizeBytes,
                               @NotNull @Pattern(regexp = "[0-9a-f]{64}",
                                       message = "must be 64 lower-case hexadecimal digits") String sha256,
                               boolean whistleblower) {
        Material toMaterial() {
            return new Material(fileName.strip(), mediaType, sizeBytes, sha256, whistleblower);
        }
    }

    public record Register(@NotNull @PastOrPresent LocalDate registeredOn, @NotNull PetitionSubject subject) {
    }

    public record Assign(@NotNull @PastOrPresent LocalDate assignedOn, @NotNull PetitionRouting routing,
                         @NotBlank @Size(max = 200) String handlingUnit, @Size(max = 100) String handlingOfficer,
                         @Size(max = 4000) String note) {
    }

    public record ObjectToCompetence(@NotNull @PastOrPresent LocalDate objectedOn,
                                     @NotBlank @Size(max = 4000) String reason) {
    }

    public record Accept(@NotNull @PastOrPresent LocalDate acceptedOn) {
    }

    public record Decline(@NotNull @PastOrPresent LocalDate decidedOn, @NotBlank @Size(max = 4000) String reason) {
    }

    public record ExtendReply(@Min(1) @Max(366) int days, @NotBlank @Size(max = 4000) String reason) {
    }

    public record Reply(@NotNull @PastOrPresent LocalDate repliedOn, @NotBlank @Size(max = 20000) String reply) {
    }

    public record Rate(@NotNull SatisfactionRating rating, @NotNull @PastOrPresent LocalDate ratedOn,
                       @Size(max = 4000) String comment) {
    }

    public record Close(@NotNull PetitionClosureReason reason, @Size(max = 4000) String note) {
    }

    public record RequestReview(@NotNull @PastOrPresent LocalDate requestedOn,
                                @NotBlank @Size(max = 200) String reviewingBody,
                                @NotBlank @Size(max = 4000) String grounds) {
    }

    public record RequestReexamination(@NotNull @PastOrPresent LocalDate requestedOn,
                                       @NotBlank @Size(max = 200) String reexaminingBody,
                                       @NotBlank @Size(max = 4000) String grounds) {
    }

    public record Answer(@NotNull @PastOrPresent LocalDate answeredOn, @NotNull ReviewDecision decision,
                         @NotBlank @Size(max = 20000) String opinion) {
    }

    /**
     * What a receipt returns, the first time and on every retry, with the open petitions naming the
     * same petitioner or employer.
     */
    public record Received(String petitionId, String caseNumber, List<PossibleDuplicate> possibleDuplicates) {
    }

    /** What a transition returns: the petition's new version, also sent as the ETag. */
    public record Transitioned(String petitionId, long version) {
    }
}

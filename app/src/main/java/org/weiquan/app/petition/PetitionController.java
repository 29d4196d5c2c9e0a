package org.weiquan.app.petition;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.CaseNumber;
import org.weiquan.api.common.District;
import org.weiquan.api.common.Employer;
import org.weiquan.api.common.InvalidCaseDataException;
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.OrganisationId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.petition.PetitionChannel;
import org.weiquan.api.petition.PetitionCommands.ReceivePetitionCommand;
import org.weiquan.api.petition.PetitionCommands;
import org.weiquan.api.petition.PetitionDetail;
import org.weiquan.api.petition.PetitionId;
import org.weiquan.api.petition.PetitionPage;
import org.weiquan.api.petition.PetitionQueries.ListPetitionsQuery;
import org.weiquan.api.petition.PetitionStatus;
import org.weiquan.api.petition.PetitionSummary;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseActionEndpoint;
import org.weiquan.app.casefile.CaseIntake;
import org.weiquan.app.casefile.CaseIntakeEndpoint;
import org.weiquan.app.casefile.CaseNotFoundException;
import org.weiquan.app.casefile.CaseReads;
import org.weiquan.app.casefile.CaseTransitions;
import org.weiquan.app.casefile.Parties;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.ETags;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Petitions (信访) over HTTP: receive, one endpoint per transition, list, detail and history.
 * Transitions take {@code If-Match: "<version>"} and answer with the new version as ETag. Users of
 * the accused organisation get the detail without whistleblower material (and, for a whistleblower
 * petition, without its petitioners) and no history at all (《信访工作条例》§30).
 */
@RestController
@RequestMapping(PetitionController.PATH)
@Tag(name = "Petitions 信访")
@Validated
public class PetitionController {
    static final String PATH = "/api/petitions";

    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final QueryGateway queries;
    private final PetitionReader reader;
    private final CaseAccess access;
    private final CaseReads reads;

    public PetitionController(CaseIntake intake, CaseTransitions transitions, QueryGateway queries,
                              PetitionReader reader, CaseAccess access, CaseReads reads) {
        this.access = access;
        this.reads = reads;
        this.intake = intake;
        this.transitions = transitions;
        this.queries = queries;
        this.reader = reader;
    }

    @PostMapping
    @CaseIntakeEndpoint
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Receive a petition (hotline 12351, letter, visit or online)",
            description = "Idempotent: a retry with the same petitionId, or the same Idempotency-Key, returns the first"
                    + " result. A petition on a claim an earlier petition of the same petitioner concluded is refused"
                    + " (409 petition.claim-final).")
    public ResponseEntity<PetitionRequests.Received> receive(
            @Valid @RequestBody PetitionRequests.ReceivePetition request,
            @Parameter(description = "client-chosen key that makes retries safe")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        WeiquanUser officer = CurrentUser.get();
        PetitionId earlier = earlierPetition(request.earlierPetitionId(), officer);
        CaseIntake.Outcome outcome = intake.file(CaseKind.PETITION, request.petitionId(), request.withoutId(),
                parties(request), officer, idempotencyKey, (id, number) -> toCommand(request, id, number, officer,
                        earlier));
        return outcome.created(new PetitionRequests.Received(outcome.caseId(), outcome.caseNumber(),
                        outcome.possibleDuplicates()));
    }

    @GetMapping
    @Operation(summary = "List petitions of your organisation and those below it")
    public PetitionPage list(@RequestParam(required = false) PetitionStatus status,
                             @RequestParam(required = false) District district,
                             @RequestParam(required = false) @Size(max = 100) String officer,
                             @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) PetitionChannel channel,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        WeiquanUser user = CurrentUser.get();
        ListPetitionsQuery query = new ListPetitionsQuery(user.organisation(), status, district,
                access.officerFilter(user, PetitionSummary.class, "officerInCharge", officer), overdue, channel, page,
                size);
        return queries.query(query, ResponseTypes.instanceOf(PetitionPage.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "The petition's current state; its ETag is the version to send as If-Match",
            description = "Users of the accused organisation get it without whistleblower material and, for a"
                    + " whistleblower petition, without its petitioners.")
    public ResponseEntity<PetitionDetail> detail(@PathVariable UUID id) {
        WeiquanUser user = CurrentUser.get();
        PetitionDetail detail = reader.visibleDetail(id.toString(), user);
        PetitionDetail shown = detail.accuses(user.organisation()) ? detail.withheldFromAccused() : detail;
        return ResponseEntity.ok().eTag(ETags.of(shown.version())).body(shown);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the petition, in order, with who, when, role, organisation and address",
            description = "Refused (403 petition.history-withheld) to users of the accused organisation: the"
                    + " history holds the whistleblower's material and identity.")
    public List<HistoryEntry> history(@PathVariable UUID id) {
        WeiquanUser user = CurrentUser.get();
        reader.requireHistoryMayBeShown(id.toString(), user);
        return reads.history(id);
    }

    @PostMapping("/{id}/registration")
    @CaseActionEndpoint("REGISTER")
    @Operation(summary = "Register the petition (登记) with its subject")
    public ResponseEntity<PetitionRequests.Transitioned> register(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Register body) {
        return transition(id, ifMatch, v -> new PetitionCommands.RegisterPetitionCommand(new PetitionId(id), v,
                body.registeredOn(), body.subject()));
    }

    @PostMapping("/{id}/assignment")
    @CaseActionEndpoint("ASSIGN")
    @Operation(summary = "Forward or assign the petition to its handling unit (within 15 days of receipt, §22)")
    public ResponseEntity<PetitionRequests.Transitioned> assign(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Assign body) {
        return transition(id, ifMatch, v -> new PetitionCommands.AssignPetitionCommand(new PetitionId(id), v,
                body.assignedOn(), body.routing(), body.handlingUnit().strip(),
                body.handlingOfficer() == null || body.handlingOfficer().isBlank() ? null
                        : new OfficerId(body.handlingOfficer().strip()), body.note()));
    }

    @PostMapping("/{id}/competence-objection")
    @CaseActionEndpoint("OBJECT_TO_COMPETENCE")
    @Operation(summary = "Record the handling unit's objection that the matter is not within its competence"
            + " (within 5 working days of the assignment)")
    public ResponseEntity<PetitionRequests.Transitioned> objectToCompetence(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.ObjectToCompetence body) {
        return transition(id, ifMatch, v -> new PetitionCommands.ObjectToCompetenceCommand(new PetitionId(id), v,
                body.objectedOn(), body.reason()));
    }

    @PostMapping("/{id}/acceptance")
    @CaseActionEndpoint("ACCEPT")
    @Operation(summary = "Accept the petition (the petitioner is told within 15 days, §23); the reply is due in 60 days")
    public ResponseEntity<PetitionRequests.Transitioned> accept(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Accept body) {
        return transition(id, ifMatch, v -> new PetitionCommands.AcceptPetitionCommand(new PetitionId(id), v,
                body.acceptedOn()));
    }

    @PostMapping("/{id}/non-acceptance")
    @CaseActionEndpoint("DECLINE")
    @Operation(summary = "Do not accept the petition, with the reason given to the petitioner in writing")
    public ResponseEntity<PetitionRequests.Transitioned> decline(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Decline body) {
        return transition(id, ifMatch, v -> new PetitionCommands.DeclinePetitionCommand(new PetitionId(id), v,
                body.decidedOn(), body.reason()));
    }

    @PostMapping("/{id}/reply-extension")
    @CaseActionEndpoint("EXTEND_REPLY_PERIOD")
    @Operation(summary = "Extend the reply period once, by at most 30 days, with a reason (§34)")
    public ResponseEntity<PetitionRequests.Transitioned> extendReply(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.ExtendReply body) {
        return transition(id, ifMatch, v -> new PetitionCommands.ExtendReplyPeriodCommand(new PetitionId(id), v,
                body.days(), body.reason()));
    }

    @PostMapping("/{id}/reply")
    @CaseActionEndpoint("REPLY")
    @Operation(summary = "Record the written reply; the petitioner may ask for review within 30 days")
    public ResponseEntity<PetitionRequests.Transitioned> reply(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Reply body) {
        return transition(id, ifMatch, v -> new PetitionCommands.ReplyToPetitionCommand(new PetitionId(id), v,
                body.repliedOn(), body.reply()));
    }

    @PostMapping("/{id}/rating")
    @CaseActionEndpoint("RECORD_RATING")
    @Operation(summary = "Record the petitioner's rating of the latest answer (§21)")
    public ResponseEntity<PetitionRequests.Transitioned> rate(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Rate body) {
        return transition(id, ifMatch, v -> new PetitionCommands.RecordRatingCommand(new PetitionId(id), v,
                body.rating(), body.ratedOn(), body.comment()));
    }

    @PostMapping("/{id}/closure")
    @CaseActionEndpoint("CLOSE")
    @Operation(summary = "Close the petition: resolved, not accepted or withdrawn")
    public ResponseEntity<PetitionRequests.Transitioned> close(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Close body) {
        return transition(id, ifMatch, v -> new PetitionCommands.ClosePetitionCommand(new PetitionId(id), v,
                body.reason(), body.note()));
    }

    @PostMapping("/{id}/review-request")
    @CaseActionEndpoint("REQUEST_REVIEW")
    @Operation(summary = "Record the petitioner's request for review (复查, within 30 days of the reply, §35)")
    public ResponseEntity<PetitionRequests.Transitioned> requestReview(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.RequestReview body) {
        return transition(id, ifMatch, v -> new PetitionCommands.RequestReviewCommand(new PetitionId(id), v,
                body.requestedOn(), body.reviewingBody(), body.grounds()));
    }

    @PostMapping("/{id}/review-answer")
    @CaseActionEndpoint("ANSWER_REVIEW")
    @Operation(summary = "Record the review opinion (due 30 days after the request)")
    public ResponseEntity<PetitionRequests.Transitioned> answerReview(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Answer body) {
        return transition(id, ifMatch, v -> new PetitionCommands.AnswerReviewCommand(new PetitionId(id), v,
                body.answeredOn(), body.decision(), body.opinion()));
    }

    @PostMapping("/{id}/reexamination-request")
    @CaseActionEndpoint("REQUEST_REEXAMINATION")
    @Operation(summary = "Record the petitioner's request for re-examination (复核, within 30 days of the review, §36)")
    public ResponseEntity<PetitionRequests.Transitioned> requestReexamination(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.RequestReexamination body) {
        return transition(id, ifMatch, v -> new PetitionCommands.RequestReexaminationCommand(new PetitionId(id), v,
                body.requestedOn(), body.reexaminingBody(), body.grounds()));
    }

    @PostMapping("/{id}/reexamination-answer")
    @CaseActionEndpoint("ANSWER_REEXAMINATION")
    @Operation(summary = "Record the re-examination opinion: the claim is final")
    public ResponseEntity<PetitionRequests.Transitioned> answerReexamination(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.Answer body) {
        return transition(id, ifMatch, v -> new PetitionCommands.AnswerReexaminationCommand(new PetitionId(id), v,
                body.answeredOn(), body.decision(), body.opinion()));
    }

    @PostMapping("/{id}/materials")
    @Operation(summary = "Add a material's metadata and content hash (the bytes are in the blob store)")
    public ResponseEntity<PetitionRequests.Transitioned> addMaterial(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody PetitionRequests.MaterialData body) {
        return transition(id, ifMatch, v -> new PetitionCommands.AddMaterialCommand(new PetitionId(id), v,
                body.toMaterial()));
    }

    @PostMapping("/{id}/materials/{number}/whistleblower-mark")
    @Operation(summary = "Mark a material as whistleblower material: from now on the accused organisation never sees it")
    public ResponseEntity<PetitionRequests.Transitioned> markMaterial(
            @PathVariable UUID id, @PathVariable int number,
            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return transition(id, ifMatch, v -> new PetitionCommands.MarkMaterialAsWhistleblowerCommand(new PetitionId(id), v,
                number));
    }

    private ResponseEntity<PetitionRequests.Transitioned> transition(UUID id, String ifMatch,
                                                                     Function<Long, Object> command) {
        return transitions.respond(CaseKind.PETITION, id, ifMatch, command,
                version -> new PetitionRequests.Transitioned(id.toString(), version));
    }

    /**
     * The earlier petition the request names, if the officer may see it; the petition itself reads
     * what it needs of it from that petition's events (EarlierPetitions).
     */
    private PetitionId earlierPetition(UUID earlierId, WeiquanUser user) {
        if (earlierId == null) return null;
        try {
            access.visibleCase(earlierId.toString(), CaseKind.PETITION, user);
        } catch (CaseNotFoundException e) {
            throw new InvalidCaseDataException("petition.unknown-earlier-petition", "earlierPetitionId",
                    "there is no petition " + earlierId + " that you may see");
        }
        return PetitionId.of(earlierId.toString());
    }

    /**
     * Whom duplicate detection matches: the petitioners by ID number and the employer by credit code.
     * A whistleblower's ID number is left out: another filing naming the same person must not learn
     * that this person reported.
     */
    private static Parties parties(PetitionRequests.ReceivePetition request) {
        List<String> idNumbers = new ArrayList<>();
        if (!request.whistleblower()) {
            request.petitioners().forEach(p -> idNumbers.add(p.idNumber()));
        }
        List<String> creditCodes = request.employer() == null || request.employer().creditCode() == null ? List.of()
                : List.of(request.employer().creditCode());
        return new Parties(idNumbers, creditCodes);
    }

    private static ReceivePetitionCommand toCommand(PetitionRequests.ReceivePetition request, String petitionId,
                                                    CaseNumber number, WeiquanUser officer, PetitionId earlier) {
        return new ReceivePetitionCommand(PetitionId.of(petitionId), number, officer.organisation(),
                request.district(), request.channel(), request.receivedOn(),
                request.petitioners().stream()
                        .map(p -> new Worker(p.name().strip(), p.idNumber().toUpperCase(), p.phone())).toList(),
                request.visitorCount(),
                request.employer() == null ? null
                        : new Employer(request.employer().name().strip(), request.employer().creditCode()),
                request.accusedOrganisation() == null ? null : new OrganisationId(request.accusedOrganisation()),
                request.whistleblower(), request.claim(),
                request.materials() == null ? List.of()
                        : request.materials().stream().map(PetitionRequests.MaterialData::toMaterial).toList(),
                new OfficerId(officer.username()), earlier);
    }
}

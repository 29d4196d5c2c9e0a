package org.weiquan.app.dispute;

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
import org.weiquan.api.common.OfficerId;
import org.weiquan.api.common.Worker;
import org.weiquan.api.dispute.DisputeCommands.FileDisputeCommand;
import org.weiquan.api.dispute.DisputeCommands;
import org.weiquan.api.dispute.DisputeDetail;
import org.weiquan.api.dispute.DisputeId;
import org.weiquan.api.dispute.DisputePage;
import org.weiquan.api.dispute.DisputeQueries.FindDisputeQuery;
import org.weiquan.api.dispute.DisputeQueries.ListDisputesQuery;
import org.weiquan.api.dispute.DisputeStatus;
import org.weiquan.api.dispute.DisputeSummary;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.casefile.CaseAccess;
import org.weiquan.app.casefile.CaseActionEndpoint;
import org.weiquan.app.casefile.CaseIntake;
import org.weiquan.app.casefile.CaseIntakeEndpoint;
import org.weiquan.app.casefile.CaseReads;
import org.weiquan.app.casefile.CaseTransitions;
import org.weiquan.app.casefile.Parties;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.WeiquanUser;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * Labour disputes over HTTP: create, one endpoint per transition, list, detail and history.
 * Transitions take {@code If-Match: "<version>"} and answer with the new version as ETag.
 */
@RestController
@RequestMapping("/api/disputes")
@Tag(name = "Labour disputes 劳动争议")
@Validated
public class DisputeController {
    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final QueryGateway queries;
    private final CaseAccess access;
    private final CaseReads reads;

    public DisputeController(CaseIntake intake, CaseTransitions transitions, QueryGateway queries, CaseAccess access, CaseReads reads) {
        this.intake = intake;
        this.transitions = transitions;
        this.queries = queries;
        this.access = access;
        this.reads = reads;
    }

    @PostMapping
    @CaseIntakeEndpoint
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File a dispute (mediation application received)",
            description = "Idempotent: a retry with the same disputeId, or the same Idempotency-Key, returns the first result.")
    public ResponseEntity<DisputeRequests.Filed> file(
            @Valid @RequestBody DisputeRequests.FileDispute request,
            @Parameter(description = "client-chosen key that makes retries safe")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        WeiquanUser officer = CurrentUser.get();
        Parties parties = new Parties(request.workers().stream().map(DisputeRequests.WorkerData::idNumber).toList(),
                request.employer().creditCode() == null ? List.of() : List.of(request.employer().creditCode()));
        CaseIntake.Outcome outcome = intake.file(CaseKind.LABOUR_DISPUTE, request.disputeId(), request.withoutId(),
                parties, officer, idempotencyKey, (id, number) -> toCommand(request, id, number, officer));
        return outcome.created(new DisputeRequests.Filed(outcome.caseId(), outcome.caseNumber(), outcome.possibleDuplicates()));
    }

    @GetMapping
    @Operation(summary = "List disputes of your organisation and those below it")
    public DisputePage list(@RequestParam(required = false) DisputeStatus status,
                                           @RequestParam(required = false) District district,
                                           @RequestParam(required = false) @Size(max = 100) String officer,
                                           @RequestParam(required = false) Boolean overdue,
                                           @RequestParam(defaultValue = "0") @Min(0) int page,
                                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        WeiquanUser user = CurrentUser.get();
        ListDisputesQuery query = new ListDisputesQuery(user.organisation(), status, district,
                access.officerFilter(user, DisputeSummary.class, "officerInCharge", officer), overdue, page, size);
        return queries.query(query, ResponseTypes.instanceOf(DisputePage.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "The dispute's current state; its ETag is the version to send as If-Match")
    public ResponseEntity<DisputeDetail> detail(@PathVariable UUID id) {
        return reads.detail(id, CaseKind.LABOUR_DISPUTE, CurrentUser.get(), new FindDisputeQuery(new DisputeId(id)), DisputeDetail.class,
                DisputeDetail::version);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the dispute, in order, with who, when, role, organisation and address")
    public List<HistoryEntry> history(@PathVariable UUID id) {
        return reads.history(id, CaseKind.LABOUR_DISPUTE, CurrentUser.get());
    }

    @PostMapping("/{id}/acceptance")
    @CaseActionEndpoint("ACCEPT")
    @Operation(summary = "Accept the application for mediation")
    public ResponseEntity<DisputeRequests.Transitioned> accept(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                               @Valid @RequestBody DisputeRequests.Accept body) {
        return transition(id, ifMatch, v -> new DisputeCommands.AcceptDisputeCommand(new DisputeId(id), v, body.acceptedOn()));
    }

    @PostMapping("/{id}/mediator")
    @CaseActionEndpoint("ASSIGN_MEDIATOR")
    @Operation(summary = "Assign (or reassign) the mediator")
    public ResponseEntity<DisputeRequests.Transitioned> assignMediator(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                                       @Valid @RequestBody DisputeRequests.AssignMediator body) {
        // the roster is the dispute's to consult (MediatorRoster): an invisible case stays a plain 404
        return transition(id, ifMatch, v -> new DisputeCommands.AssignMediatorCommand(new DisputeId(id), v,
                new OfficerId(body.mediator().strip())));
    }

    @PostMapping("/{id}/mediation-sessions")
    @CaseActionEndpoint("RECORD_MEDIATION_SESSION")
    @Operation(summary = "Record a mediation session")
    public ResponseEntity<DisputeRequests.Transitioned> recordSession(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                                      @Valid @RequestBody DisputeRequests.RecordSession body) {
        return transition(id, ifMatch, v -> new DisputeCommands.RecordMediationSessionCommand(new DisputeId(id), v,
                body.heldOn(), body.summary()));
    }

    @PostMapping("/{id}/settlement")
    @CaseActionEndpoint("REACH_SETTLEMENT")
    @Operation(summary = "Record the mediation agreement: amount and payment due date")
    public ResponseEntity<DisputeRequests.Transitioned> settle(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                               @Valid @RequestBody DisputeRequests.ReachSettlement body) {
        return transition(id, ifMatch, v -> new DisputeCommands.ReachSettlementCommand(new DisputeId(id), v,
                body.amount(), body.paymentDueOn(), body.terms()));
    }

    @PostMapping("/{id}/payments")
    @CaseActionEndpoint("RECORD_PAYMENT")
    @Operation(summary = "Record a payment of the agreed amount")
    public ResponseEntity<DisputeRequests.Transitioned> recordPayment(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                                      @Valid @RequestBody DisputeRequests.RecordPayment body) {
        return transition(id, ifMatch, v -> new DisputeCommands.RecordPaymentCommand(new DisputeId(id), v,
                body.amount(), body.paidOn()));
    }

    @PostMapping("/{id}/mediation-failure")
    @CaseActionEndpoint("RECORD_MEDIATION_FAILURE")
    @Operation(summary = "Record that mediation failed")
    public ResponseEntity<DisputeRequests.Transitioned> recordFailure(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                                      @Valid @RequestBody DisputeRequests.RecordMediationFailure body) {
        return transition(id, ifMatch, v -> new DisputeCommands.RecordMediationFailureCommand(new DisputeId(id), v,
                body.reason()));
    }

    @PostMapping("/{id}/arbitration-referral")
    @CaseActionEndpoint("REFER_TO_ARBITRATION")
    @Operation(summary = "Refer the dispute to the arbitration commission")
    public ResponseEntity<DisputeRequests.Transitioned> refer(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                              @Valid @RequestBody DisputeRequests.ReferToArbitration body) {
        return transition(id, ifMatch, v -> new DisputeCommands.ReferToArbitrationCommand(new DisputeId(id), v,
                body.referredOn(), body.commission()));
    }

    @PostMapping("/{id}/arbitration-acceptance")
    @CaseActionEndpoint("RECORD_ARBITRATION_ACCEPTANCE")
    @Operation(summary = "Record that the commission accepted the case")
    public ResponseEntity<DisputeRequests.Transitioned> arbitrationAccepted(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DisputeRequests.RecordArbitrationAcceptance body) {
        return transition(id, ifMatch, v -> new DisputeCommands.RecordArbitrationAcceptanceCommand(new DisputeId(id), v,
                body.acceptedOn(), body.arbitrationCaseNumber()));
    }

    @PostMapping("/{id}/arbitration-extension")
    @CaseActionEndpoint("EXTEND_ARBITRATION_PERIOD")
    @Operation(summary = "Extend the award period once, by at most 15 days, with a reason")
    public ResponseEntity<DisputeRequests.Transitioned> extend(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                               @Valid @RequestBody DisputeRequests.ExtendArbitration body) {
        return transition(id, ifMatch, v -> new DisputeCommands.ExtendArbitrationPeriodCommand(new DisputeId(id), v,
                body.days(), body.reason()));
    }

    @PostMapping("/{id}/arbitration-award")
    @CaseActionEndpoint("RECORD_ARBITRATION_AWARD")
    @Operation(summary = "Record the arbitration award")
    public ResponseEntity<DisputeRequests.Transitioned> award(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                              @Valid @RequestBody DisputeRequests.RecordAward body) {
        return transition(id, ifMatch, v -> new DisputeCommands.RecordArbitrationAwardCommand(new DisputeId(id), v,
                body.awardedOn(), body.outcome(), body.awardedAmount()));
    }

    @PostMapping("/{id}/closure")
    @CaseActionEndpoint("CLOSE")
    @Operation(summary = "Close the dispute: resolved, withdrawn or not accepted")
    public ResponseEntity<DisputeRequests.Transitioned> close(@PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                              @Valid @RequestBody DisputeRequests.Close body) {
        return transition(id, ifMatch, v -> new DisputeCommands.CloseDisputeCommand(new DisputeId(id), v,
                body.reason(), body.note()));
    }

    private ResponseEntity<DisputeRequests.Transitioned> transition(UUID id, String ifMatch,
                                                                    Function<Long, Object> command) {
        return transitions.respond(CaseKind.LABOUR_DISPUTE, id, ifMatch, command,
                version -> new DisputeRequests.Transitioned(id.toString(), version));
    }

    private static FileDisputeCommand toCommand(DisputeRequests.FileDispute request, String disputeId,
                                                CaseNumber number, WeiquanUser officer) {
        return new FileDisputeCommand(DisputeId.of(disputeId), number, officer.organisation(), request.district(),
                request.category(),
                request.workers().stream().map(w -> new Worker(w.name().strip(), w.idNumber().toUpperCase(), w.phone()))
                        .toList(),
                new Employer(request.employer().name().strip(), request.employer().creditCode()), request.claim(),
                request.claimedAmount(), request.appliedOn(), request.infringementKnownOn(),
                new OfficerId(officer.username()));
    }
}

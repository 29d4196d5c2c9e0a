package org.weiquan.app.legalaid;

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
import org.weiquan.api.legalaid.LegalAidCaseDetail;
import org.weiquan.api.legalaid.LegalAidCaseId;
import org.weiquan.api.legalaid.LegalAidCasePage;
import org.weiquan.api.legalaid.LegalAidCaseSummary;
import org.weiquan.api.legalaid.LegalAidCommands.ApplyForLegalAidCommand;
import org.weiquan.api.legalaid.LegalAidCommands;
import org.weiquan.api.legalaid.LegalAidQueries.FindLegalAidCaseQuery;
import org.weiquan.api.legalaid.LegalAidQueries.ListLegalAidCasesQuery;
import org.weiquan.api.legalaid.LegalAidStatus;
import org.weiquan.api.legalaid.MeansTestResult;
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
 * Legal-aid cases over HTTP: apply, one endpoint per transition, list, detail and history.
 * Transitions take {@code If-Match: "<version>"} and answer with the new version as ETag.
 */
@RestController
@RequestMapping(LegalAidKindSupport.API_PATH)
@Tag(name = "Legal aid 法律援助")
@Validated
public class LegalAidController {
    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final QueryGateway queries;
    private final CaseAccess access;
    private final CaseReads reads;

    public LegalAidController(CaseIntake intake, CaseTransitions transitions, QueryGateway queries, CaseAccess access, CaseReads reads) {
        this.intake = intake;
        this.transitions = transitions;
        this.queries = queries;
        this.access = access;
        this.reads = reads;
    }

    @PostMapping
    @CaseIntakeEndpoint
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record an application for legal aid",
            description = "Idempotent: a retry with the same legalAidCaseId, or the same Idempotency-Key, returns the"
                    + " first result. The answer lists open legal-aid cases of the same applicant or employer.")
    public ResponseEntity<LegalAidRequests.Applied> apply(
            @Valid @RequestBody LegalAidRequests.Apply request,
            @Parameter(description = "client-chosen key that makes retries safe")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        WeiquanUser officer = CurrentUser.get();
        String creditCode = request.employer() == null ? null : request.employer().creditCode();
        Parties parties = new Parties(List.of(request.applicant().idNumber()),
                creditCode == null ? List.of() : List.of(creditCode));
        CaseIntake.Outcome outcome = intake.file(CaseKind.LEGAL_AID, request.legalAidCaseId(), request.withoutId(),
                parties, officer, idempotencyKey, (id, number) -> toCommand(request, id, number, officer));
        return outcome.created(new LegalAidRequests.Applied(outcome.caseId(), outcome.caseNumber(), outcome.possibleDuplicates()));
    }

    @GetMapping
    @Operation(summary = "List legal-aid cases of your organisation and those below it",
            description = "officer matches the officer in charge or the assigned lawyer")
    public LegalAidCasePage list(@RequestParam(required = false) LegalAidStatus status,
                                 @RequestParam(required = false) District district,
                                 @RequestParam(required = false) @Size(max = 100) String officer,
                                 @RequestParam(required = false) Boolean overdue,
                                 @RequestParam(defaultValue = "0") @Min(0) int page,
                                 @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        WeiquanUser user = CurrentUser.get();
        ListLegalAidCasesQuery query = new ListLegalAidCasesQuery(user.organisation(), status, district,
                access.officerFilter(user, LegalAidCaseSummary.class, "officerInCharge", officer), overdue, page, size);
        return queries.query(query, ResponseTypes.instanceOf(LegalAidCasePage.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "The case's current state; its ETag is the version to send as If-Match")
    public ResponseEntity<LegalAidCaseDetail> detail(@PathVariable UUID id) {
        return reads.detail(id, CaseKind.LEGAL_AID, CurrentUser.get(), new FindLegalAidCaseQuery(new LegalAidCaseId(id)), LegalAidCaseDetail.class,
                LegalAidCaseDetail::version);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the case, in order, with who, when, role, organisation and address")
    public List<HistoryEntry> history(@PathVariable UUID id) {
        return reads.history(id, CaseKind.LEGAL_AID, CurrentUser.get());
    }

    @PostMapping("/{id}/materials-request")
    @CaseActionEndpoint("REQUEST_MISSING_MATERIALS")
    @Operation(summary = "Send the one notice listing every missing item (§43); the decision period stops until they arrive")
    public ResponseEntity<LegalAidRequests.Transitioned> requestMaterials(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.RequestMaterials body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.RequestMissingMaterialsCommand(caseId(id), v,
                body.requestedOn(), body.items(), body.supplyBy()));
    }

    @PostMapping("/{id}/materials-received")
    @CaseActionEndpoint("RECORD_MATERIALS_RECEIVED")
    @Operation(summary = "Record that the missing materials arrived (or were explained); the decision period resumes")
    public ResponseEntity<LegalAidRequests.Transitioned> materialsReceived(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.MaterialsReceived body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.RecordMaterialsReceivedCommand(caseId(id), v,
                body.receivedOn(), body.note()));
    }

    @PostMapping("/{id}/urgent-aid")
    @CaseActionEndpoint("GRANT_URGENT_AID")
    @Operation(summary = "Give aid ahead of the decision: fewer than 7 days remain to a limitation or procedural deadline (§44)")
    public ResponseEntity<LegalAidRequests.Transitioned> urgentAid(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.GrantUrgentAid body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.GrantUrgentAidCommand(caseId(id), v,
                body.grantedOn(), body.deadlineOn(), body.deadlineDescription()));
    }

    @PostMapping("/{id}/approval")
    @CaseActionEndpoint("APPROVE")
    @Operation(summary = "Approve aid; a means test establishing hardship is needed unless the applicant is exempt (§42)")
    public ResponseEntity<LegalAidRequests.Transitioned> approve(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.Approve body) {
        MeansTestResult meansTest = body.meansTest() == null ? null
                : new MeansTestResult(body.meansTest().hardshipEstablished(), body.meansTest().basis().strip());
        return transition(id, ifMatch, v -> new LegalAidCommands.ApproveLegalAidCommand(caseId(id), v,
                body.decidedOn(), meansTest));
    }

    @PostMapping("/{id}/rejection")
    @CaseActionEndpoint("REJECT")
    @Operation(summary = "Refuse aid in writing, with the reasons (§43)")
    public ResponseEntity<LegalAidRequests.Transitioned> reject(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.Reject body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.RejectLegalAidCommand(caseId(id), v,
                body.decidedOn(), body.reasons()));
    }

    @PostMapping("/{id}/lawyer")
    @CaseActionEndpoint("ASSIGN_LAWYER")
    @Operation(summary = "Assign (or replace) the lawyer, an active member of the union's panel (职工律师团)")
    public ResponseEntity<LegalAidRequests.Transitioned> assignLawyer(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.AssignLawyer body) {
        // the panel is the case's to consult (LawyerPanel): an invisible case stays a plain 404
        return transition(id, ifMatch, v -> new LegalAidCommands.AssignLawyerCommand(caseId(id), v,
                body.lawyerId().strip(), body.assignedOn()));
    }

    @PostMapping("/{id}/activities")
    @CaseActionEndpoint("RECORD_ACTIVITY")
    @Operation(summary = "Record what the lawyer did: consultation, filing, hearing, other")
    public ResponseEntity<LegalAidRequests.Transitioned> recordActivity(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.RecordActivity body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.RecordActivityCommand(caseId(id), v, body.type(),
                body.on(), body.note()));
    }

    @PostMapping("/{id}/outcome")
    @CaseActionEndpoint("RECORD_OUTCOME")
    @Operation(summary = "Record how the matter ended and the amount recovered; a termination (§48) with its reasons")
    public ResponseEntity<LegalAidRequests.Transitioned> recordOutcome(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.RecordOutcome body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.RecordOutcomeCommand(caseId(id), v, body.outcome(),
                body.concludedOn(), body.amountRecovered(), body.note()));
    }

    @PostMapping("/{id}/closing-report")
    @CaseActionEndpoint("SUBMIT_CLOSING_REPORT")
    @Operation(summary = "Submit the closing report (结案报告)")
    public ResponseEntity<LegalAidRequests.Transitioned> submitClosingReport(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.SubmitClosingReport body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.SubmitClosingReportCommand(caseId(id), v,
                body.submittedOn(), body.summary()));
    }

    @PostMapping("/{id}/objection")
    @CaseActionEndpoint("LODGE_OBJECTION")
    @Operation(summary = "Record the applicant's objection to the rejection; it is reviewed within 5 days (§49)")
    public ResponseEntity<LegalAidRequests.Transitioned> lodgeObjection(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.LodgeObjection body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.LodgeObjectionCommand(caseId(id), v, body.lodgedOn(),
                body.grounds()));
    }

    @PostMapping("/{id}/objection-review")
    @CaseActionEndpoint("REVIEW_OBJECTION")
    @Operation(summary = "Review the objection: UPHELD gives aid, DISMISSED closes the case")
    public ResponseEntity<LegalAidRequests.Transitioned> reviewObjection(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.ReviewObjection body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.ReviewObjectionCommand(caseId(id), v, body.finding(),
                body.reviewedOn(), body.reasons()));
    }

    @PostMapping("/{id}/closure")
    @CaseActionEndpoint("CLOSE")
    @Operation(summary = "Close the case: completed (after the closing report), withdrawn, materials not supplied, rejected")
    public ResponseEntity<LegalAidRequests.Transitioned> close(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LegalAidRequests.Close body) {
        return transition(id, ifMatch, v -> new LegalAidCommands.CloseLegalAidCaseCommand(caseId(id), v,
                body.reason(), body.note()));
    }

    private ResponseEntity<LegalAidRequests.Transitioned> transition(UUID id, String ifMatch,
                                                                     Function<Long, Object> command) {
        return transitions.respond(CaseKind.LEGAL_AID, id, ifMatch, command,
                version -> new LegalAidRequests.Transitioned(id.toString(), version));
    }

    private static LegalAidCaseId caseId(UUID id) {
        return new LegalAidCaseId(id);
    }

    private static ApplyForLegalAidCommand toCommand(LegalAidRequests.Apply request, String caseId, CaseNumber number,
                                                     WeiquanUser officer) {
        LegalAidRequests.ApplicantData applicant = request.applicant();
        Employer employer = request.employer() == null ? null
                : new Employer(request.employer().name().strip(), request.employer().creditCode());
        return new ApplyForLegalAidCommand(LegalAidCaseId.of(caseId), number, officer.organisation(),
                request.district(),
                new Worker(applicant.name().strip(), applicant.idNumber().toUpperCase(), applicant.phone()),
                request.migrantWorker(), request.matterCategory(), request.matter(), request.grounds(),
                request.amountClaimed(), employer, request.appliedOn(), new OfficerId(officer.username()));
    }
}

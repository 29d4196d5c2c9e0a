package org.weiquan.app.hazard;

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
import org.weiquan.api.hazard.EvidenceAttachment;
import org.weiquan.api.hazard.HazardCommands.ReportHazardCommand;
import org.weiquan.api.hazard.HazardCommands;
import org.weiquan.api.hazard.HazardDetail;
import org.weiquan.api.hazard.HazardId;
import org.weiquan.api.hazard.HazardPage;
import org.weiquan.api.hazard.HazardQueries.FindHazardQuery;
import org.weiquan.api.hazard.HazardQueries.ListHazardsQuery;
import org.weiquan.api.hazard.HazardSeverity;
import org.weiquan.api.hazard.HazardStatus;
import org.weiquan.api.hazard.HazardSummary;
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
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * Safety hazards over HTTP: report, one endpoint per transition, list, detail and history.
 * Transitions take {@code If-Match: "<version>"} and answer with the new version as ETag.
 */
@RestController
@RequestMapping(HazardController.PATH)
@Tag(name = "Safety hazards 安全隐患")
@Validated
public class HazardController {
    public static final String PATH = "/api/hazards";

    private final CaseIntake intake;
    private final CaseTransitions transitions;
    private final QueryGateway queries;
    private final CaseAccess access;
    private final CaseReads reads;

    public HazardController(CaseIntake intake, CaseTransitions transitions, QueryGateway queries, CaseAccess access, CaseReads reads) {
        this.intake = intake;
        this.transitions = transitions;
        this.queries = queries;
        this.access = access;
        this.reads = reads;
    }

    @PostMapping
    @CaseIntakeEndpoint
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Report a hazard found at an employer (you are the reporting inspector)",
            description = "Idempotent: a retry with the same hazardId, or the same Idempotency-Key, returns the first"
                    + " result. possibleDuplicates lists open hazards at the same employer (credit code).")
    public ResponseEntity<HazardRequests.Reported> report(
            @Valid @RequestBody HazardRequests.ReportHazard request,
            @Parameter(description = "client-chosen key that makes retries safe")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        // The inspector is whoever is signed in: a report is never entered in another's name.
        WeiquanUser inspector = CurrentUser.get();
        Parties parties = new Parties(List.of(), List.of(request.employer().creditCode()));
        CaseIntake.Outcome outcome = intake.file(CaseKind.SAFETY_HAZARD, request.hazardId(), request.withoutId(),
                parties, inspector, idempotencyKey, (id, number) -> toCommand(request, id, number, inspector));
        return outcome.created(new HazardRequests.Reported(outcome.caseId(), outcome.caseNumber(), outcome.possibleDuplicates()));
    }

    @GetMapping
    @Operation(summary = "List hazards of your organisation and those below it (overdue=true: the escalated ones)")
    public HazardPage list(@RequestParam(required = false) HazardStatus status,
                           @RequestParam(required = false) HazardSeverity severity,
                           @RequestParam(required = false) District district,
                           @RequestParam(required = false) @Size(max = 100) String officer,
                           @RequestParam(required = false) Boolean overdue,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        WeiquanUser user = CurrentUser.get();
        ListHazardsQuery query = new ListHazardsQuery(user.organisation(), status, severity, district,
                access.officerFilter(user, HazardSummary.class, "inspector", officer), overdue, page, size);
        return queries.query(query, ResponseTypes.instanceOf(HazardPage.class)).join();
    }

    @GetMapping("/{id}")
    @Operation(summary = "The hazard's current state; its ETag is the version to send as If-Match")
    public ResponseEntity<HazardDetail> detail(@PathVariable UUID id) {
        return reads.detail(id, CaseKind.SAFETY_HAZARD, CurrentUser.get(), new FindHazardQuery(new HazardId(id)), HazardDetail.class,
                HazardDetail::version);
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "Every event of the hazard, in order, with who, when, role, organisation and address")
    public List<HistoryEntry> history(@PathVariable UUID id) {
        return reads.history(id, CaseKind.SAFETY_HAZARD, CurrentUser.get());
    }

    @PostMapping("/{id}/rectification-notice")
    @CaseActionEndpoint("ISSUE_RECTIFICATION_NOTICE")
    @Operation(summary = "Issue the rectification notice (整改意见) with the deadline it sets")
    public ResponseEntity<HazardRequests.Transitioned> issueNotice(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.IssueNotice body) {
        return transition(id, ifMatch, v -> new HazardCommands.IssueRectificationNoticeCommand(new HazardId(id), v,
                body.issuedOn(), body.deadline(), body.requirements()));
    }

    @PostMapping("/{id}/employer-answer")
    @CaseActionEndpoint("RECORD_EMPLOYER_ANSWER")
    @Operation(summary = "Record the employer's written answer to the current notice")
    public ResponseEntity<HazardRequests.Transitioned> recordAnswer(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.RecordAnswer body) {
        return transition(id, ifMatch, v -> new HazardCommands.RecordEmployerAnswerCommand(new HazardId(id), v,
                body.answeredOn(), body.summary()));
    }

    @PostMapping("/{id}/progress")
    @CaseActionEndpoint("RECORD_RECTIFICATION_PROGRESS")
    @Operation(summary = "Record progress of the rectification")
    public ResponseEntity<HazardRequests.Transitioned> recordProgress(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.RecordProgress body) {
        return transition(id, ifMatch, v -> new HazardCommands.RecordRectificationProgressCommand(new HazardId(id), v,
                body.recordedOn(), body.description()));
    }

    @PostMapping("/{id}/rectification")
    @CaseActionEndpoint("SUBMIT_RECTIFICATION")
    @Operation(summary = "Submit the employer's rectification with evidence (file metadata and SHA-256)")
    public ResponseEntity<HazardRequests.Transitioned> submitRectification(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.SubmitRectification body) {
        List<EvidenceAttachment> evidence = body.evidence().stream()
                .map(e -> new EvidenceAttachment(e.fileName().strip(), e.mediaType().strip(), e.sizeBytes(),
                        e.sha256().toLowerCase(Locale.ROOT)))
                .toList();
        return transition(id, ifMatch, v -> new HazardCommands.SubmitRectificationCommand(new HazardId(id), v,
                body.submittedOn(), body.description(), evidence));
    }

    @PostMapping("/{id}/verification")
    @CaseActionEndpoint("VERIFY_RECTIFICATION")
    @Operation(summary = "Verify the submitted rectification: PASSED closes a general hazard; FAILED reissues the"
            + " notice with newDeadline and newRequirements")
    public ResponseEntity<HazardRequests.Transitioned> verify(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.Verify body) {
        return transition(id, ifMatch, v -> new HazardCommands.VerifyRectificationCommand(new HazardId(id), v,
                body.verifiedOn(), body.outcome(), body.findings(), body.newDeadline(), body.newRequirements()));
    }

    @PostMapping("/{id}/major-escalation")
    @CaseActionEndpoint("ESCALATE_TO_MAJOR")
    @Operation(summary = "Reclassify a general hazard as a major one (重大事故隐患)")
    public ResponseEntity<HazardRequests.Transitioned> escalateToMajor(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.EscalateToMajor body) {
        return transition(id, ifMatch, v -> new HazardCommands.EscalateToMajorHazardCommand(new HazardId(id), v,
                body.escalatedOn(), body.reason()));
    }

    @PostMapping("/{id}/major-hazard-reports")
    @CaseActionEndpoint("REPORT_MAJOR_HAZARD")
    @Operation(summary = "Record that the major hazard was reported to the work-safety authority or the workers'"
            + " congress (《安全生产法》§41)")
    public ResponseEntity<HazardRequests.Transitioned> reportMajorHazard(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.ReportMajorHazard body) {
        return transition(id, ifMatch, v -> new HazardCommands.ReportMajorHazardCommand(new HazardId(id), v,
                body.recipient(), body.recipientName(), body.reportedOn(), body.reference()));
    }

    @PostMapping("/{id}/listed-supervision")
    @CaseActionEndpoint("PLACE_UNDER_LISTED_SUPERVISION")
    @Operation(summary = "Record that the authority put the major hazard under listed supervision (挂牌督办)")
    public ResponseEntity<HazardRequests.Transitioned> listForSupervision(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.ListForSupervision body) {
        return transition(id, ifMatch, v -> new HazardCommands.PlaceUnderListedSupervisionCommand(new HazardId(id), v,
                body.listedOn(), body.listedBy(), body.documentNumber()));
    }

    @PostMapping("/{id}/evacuation-recommendations")
    @CaseActionEndpoint("RECOMMEND_EVACUATION")
    @Operation(summary = "Recommend that the employer evacuate the workers (《安全生产法》§60)")
    public ResponseEntity<HazardRequests.Transitioned> recommendEvacuation(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.RecommendEvacuation body) {
        return transition(id, ifMatch, v -> new HazardCommands.RecommendEvacuationCommand(new HazardId(id), v,
                body.recommendedOn(), body.reason()));
    }

    @PostMapping("/{id}/closure")
    @CaseActionEndpoint("CLOSE")
    @Operation(summary = "Close the hazard: RECTIFIED (销号 of a verified major hazard reported to both),"
            + " EMPLOYER_CEASED_OPERATIONS or WITHDRAWN_AS_MISTAKEN (before any notice), with a note")
    public ResponseEntity<HazardRequests.Transitioned> close(
            @PathVariable UUID id, @RequestHeader(name = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HazardRequests.Close body) {
        return transition(id, ifMatch, v -> new HazardCommands.CloseHazardCommand(new HazardId(id), v, body.reason(),
                body.closedOn(), body.note()));
    }

    private ResponseEntity<HazardRequests.Transitioned> transition(UUID id, String ifMatch,
                                                                   Function<Long, Object> command) {
        return transitions.respond(CaseKind.SAFETY_HAZARD, id, ifMatch, command,
                version -> new HazardRequests.Transitioned(id.toString(), version));
    }

    private static ReportHazardCommand toCommand(HazardRequests.ReportHazard request, String hazardId,
                                                 CaseNumber number, WeiquanUser inspector) {
        return new ReportHazardCommand(HazardId.of(hazardId), number, inspector.organisation(), request.district(),
                request.severity(), new Employer(request.employer().name().strip(), request.employer().creditCode()),
                request.location().strip(), request.description(), request.foundOn(),
                new OfficerId(inspector.username()));
    }
}

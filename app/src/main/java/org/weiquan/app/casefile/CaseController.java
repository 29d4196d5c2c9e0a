package org.weiquan.app.casefile;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.common.District;
import org.weiquan.api.common.LinkRelation;
import org.weiquan.api.query.AuditEntry;
import org.weiquan.api.query.CaseHistoryQuery;
import org.weiquan.api.query.CaseListQuery;
import org.weiquan.api.query.CaseSummary;
import org.weiquan.api.query.CasePage;
import org.weiquan.api.query.HistoryEntry;
import org.weiquan.app.audit.AuditCsv;
import org.weiquan.app.web.Csv;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.security.Role;
import org.weiquan.app.security.WeiquanUser;
import org.weiquan.app.web.TimeParameters;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Cases of every kind together: one list with search, one way to find a case by id or number, one
 * history endpoint, and links between cases of any kinds.
 */
@RestController
@RequestMapping("/api/cases")
@Tag(name = "All cases")
@Validated
public class CaseController {
    /** Events read at a time for a whole history's CSV. */
    private static final int CSV_PAGE = 500;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final CaseAccess access;
    private final Map<CaseKind, CaseKindSupport> kinds;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final PointInTime pointInTime;

    public CaseController(QueryGateway queries, CommandGateway commands, CaseAccess access,
                          List<CaseKindSupport> kinds, PlatformTransactionManager transactions, ObjectMapper json,
                          PointInTime pointInTime) {
        this.json = json;
        this.pointInTime = pointInTime;
        this.queries = queries;
        this.commands = commands;
        this.access = access;
        this.kinds = kinds.stream().collect(Collectors.toUnmodifiableMap(CaseKindSupport::kind, Function.identity()));
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Where a case is: its kind, number and the URL of its detail. */
    public record CaseReference(String caseId, CaseKind kind, String caseNumber, String detail) {
    }

    public record LinkRequest(@NotBlank @Size(max = 36) String linkedCase, @NotNull LinkRelation relation,
                              @Size(max = 2000) String note) {
    }

    @GetMapping
    @Operation(summary = "Cases of every kind, filtered and searched (case number, party, employer, credit code, text)")
    public CasePage list(@RequestParam(required = false) CaseKind kind,
                         @RequestParam(required = false) @Size(max = 40) String status,
                         @RequestParam(required = false) District district,
                         @RequestParam(required = false) @Size(max = 100) String officer,
                         @RequestParam(required = false) Boolean overdue,
                         @RequestParam(required = false) Boolean open,
                         @RequestParam(required = false) @Size(max = 200) String q,
                         @RequestParam(defaultValue = "0") @Min(0) int page,
                         @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
        WeiquanUser user = CurrentUser.get();
        access.requireFilterAllowed(user, CaseSummary.class, "officerInCharge", officer);
        CaseListQuery query = new CaseListQuery(user.organisation(), kind, blankToNull(status), district,
                blankToNull(officer), overdue, open, blankToNull(q), page, size, user.role() != Role.ANALYST);
        return queries.query(query, ResponseTypes.instanceOf(CasePage.class)).join();
    }

    @GetMapping("/{ref}")
    @Operation(summary = "Find a case by its id or its case number (e.g. LD-2026-000123)")
    public CaseReference find(@PathVariable String ref) {
        return reference(access.visibleCase(ref, CurrentUser.get()));
    }

    @GetMapping("/{ref}/as-of")
    @Operation(summary = "The case as it stood at an instant, rebuilt from its events up to then",
            description = "at: an instant (2026-11-20T08:00:00Z) or a date (2026-11-20 = the end of that day in China)")
    public Object asOf(@PathVariable String ref, @RequestParam @Size(max = 40) String at) {
        return pointInTime.detailAsOf(historyVisibleCase(ref), TimeParameters.endOf(at, "at"));
    }

    @GetMapping("/{ref}/changes")
    @Operation(summary = "What changed in the case between two instants, field by field")
    public PointInTime.Difference changes(@PathVariable String ref, @RequestParam @Size(max = 40) String from,
                                          @RequestParam @Size(max = 40) String to) {
        Instant start = TimeParameters.endOf(from, "from");
        Instant end = TimeParameters.endOf(to, "to");
        if (!start.isBefore(end)) throw new IllegalArgumentException("from must be before to");
        return pointInTime.difference(historyVisibleCase(ref), start, end);
    }

    @GetMapping("/{ref}/history")
    @Operation(summary = "Every event of a case of any kind, by id or case number, in order, with its metadata",
            description = "format=csv exports the same as a CSV file (UTF-8 with byte-order mark). A long history"
                    + " can be read in pages: limit=N gives at most N events, after=S those after sequence"
                    + " number S; a full page carries a Link header (rel=\"next\") to the next one.")
    public ResponseEntity<?> history(@PathVariable String ref,
                                     @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv") String format,
                                     @RequestParam(defaultValue = "-1") @Min(-1) long after,
                                     @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int limit,
                                     HttpServletResponse response) throws IOException {
        RegisteredCase found = historyVisibleCase(ref);
        if (format.equals("csv") && limit == 0) {
            // the whole history, read and written a page at a time
            Csv.download(response, found.caseNumber() + "-history.csv", csv -> {
                AuditCsv.header(csv);
                inPages(after, CSV_PAGE, (from, size) -> historyPage(found, from, size),
                        page -> AuditCsv.rows(csv, auditRows(found, page), json));
            });
            return null;
        }
        List<HistoryEntry> history = historyPage(found, after, limit);
        if (limit > 0 && history.size() == limit) {
            long last = history.get(history.size() - 1).sequence();
            response.setHeader(HttpHeaders.LINK, "</api/cases/" + found.caseId() + "/history?format=" + format
                    + "&after=" + last + "&limit=" + limit + ">; rel=\"next\"");
        }
        if (format.equals("csv")) {
            Csv.download(response, found.caseNumber() + "-history.csv", csv -> {
                AuditCsv.header(csv);
                AuditCsv.rows(csv, auditRows(found, history), json);
            });
            return null;
        }
        return ResponseEntity.ok(history);
    }

    /** What writes one page of a history somewhere. */
    @FunctionalInterface
    interface PageWriter {
        void write(List<HistoryEntry> page) throws IOException;
    }

    /**
     * Reads a history after sequence {@code after} in pages of {@code size} and hands each page on,
     * until a page comes back short: the whole history without holding it all.
     */
    static void inPages(long after, int size, BiFunction<Long, Integer, List<HistoryEntry>> read, PageWriter write)
            throws IOException {
        long cursor = after;
        List<HistoryEntry> page;
        do {
            page = read.apply(cursor, size);
            write.write(page);
            if (!page.isEmpty()) cursor = page.get(page.size() - 1).sequence();
        } while (page.size() == size);
    }

    private List<HistoryEntry> historyPage(RegisteredCase found, long after, int limit) {
        return queries.query(new CaseHistoryQuery(found.caseId(), after, limit),
                ResponseTypes.multipleInstancesOf(HistoryEntry.class)).join();
    }

    private static List<AuditEntry> auditRows(RegisteredCase found, List<HistoryEntry> history) {
        return history.stream().map(e -> new AuditEntry(found.caseId(), found.kind(), found.caseNumber(), e)).toList();
    }

    @PostMapping("/{ref}/links")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Link two cases of any kinds; the link is recorded as an event on both")
    public CaseReference link(@PathVariable String ref, @Valid @RequestBody LinkRequest request) {
        WeiquanUser user = CurrentUser.get();
        RegisteredCase from = access.visibleCase(ref, user);
        RegisteredCase to = access.visibleCase(request.linkedCase(), user);
        // Both sides in one transaction: a link exists on both cases or on neither.
        transaction.executeWithoutResult(status -> {
            commands.sendAndWait(support(from.kind()).linkCommand(from.caseId(), to.caseId(), to.kind(),
                    to.caseNumber(), request.relation(), request.note()));
            commands.sendAndWait(support(to.kind()).linkCommand(to.caseId(), from.caseId(), from.kind(),
                    from.caseNumber(), request.relation().inverse(), request.note()));
        });
        return reference(to);
    }

    /** A case the user may see, and whose full history (past states included) the kind's rules let them read. */
    private RegisteredCase historyVisibleCase(String ref) {
        WeiquanUser user = CurrentUser.get();
        RegisteredCase found = access.visibleCase(ref, user);
        support(found.kind()).requireHistoryVisible(found.caseId(), user);
        return found;
    }

    private CaseReference reference(RegisteredCase found) {
        return new CaseReference(found.caseId(), found.kind(), found.caseNumber(),
                support(found.kind()).apiPath() + "/" + found.caseId());
    }

    private CaseKindSupport support(CaseKind kind) {
        CaseKindSupport support = kinds.get(kind);
        if (support == null) throw new IllegalStateException("no support for case kind " + kind);
        return support;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.weiquan.app.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.weiquan.api.common.CaseKind;
import org.weiquan.api.query.AuditCursor;
import org.weiquan.api.query.AuditPage;
import org.weiquan.api.query.AuditQuery;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.web.Csv;
import org.weiquan.app.web.TimeParameters;

import java.io.IOException;

/**
 * The audit trail across cases for supervisors: "everything officer X did last week", as JSON or as
 * a CSV file for the spreadsheet a supervision report is written in.
 */
@RestController
@Tag(name = "Audit trail")
@Validated
public class AuditController {
    private final QueryGateway queries;
    private final ObjectMapper json;

    public AuditController(QueryGateway queries, ObjectMapper json) {
        this.queries = queries;
        this.json = json;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "Events across cases, oldest first, by actor, time window [from, to), event type and kind",
            description = "from/to are instants (2026-11-16T00:00:00Z) or dates (2026-11-16, midnight in China). "
                    + "Pages by page/size, or by cursor: a full page carries a Link header (rel=\"next\") with "
                    + "after=<cursor> for the page after it, which stays the same however much is recorded "
                    + "meanwhile. format=csv returns a CSV file of the same page.")
    public ResponseEntity<?> audit(@RequestParam(required = false) @Size(max = 100) String actor,
                                   @RequestParam(required = false) @Size(max = 40) String from,
                                   @RequestParam(required = false) @Size(max = 40) String to,
                                   @RequestParam(required = false) @Size(max = 100) String eventType,
                                   @RequestParam(required = false) CaseKind kind,
                                   @RequestParam(defaultValue = "0") @Min(0) int page,
                                   @RequestParam(defaultValue = "100") @Min(1) @Max(5000) int size,
                                   @RequestParam(required = false) @Size(max = 200) String after,
                                   @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv") String format,
                                   HttpServletResponse response) throws IOException {
        AuditQuery query = new AuditQuery(CurrentUser.get().organisation(), blankToNull(actor), TimeParameters.startOf(from, "from"),
                TimeParameters.startOf(to, "to"), blankToNull(eventType), kind, page, size,
                after == null || after.isBlank() ? null : AuditCursor.decode(after.strip()));
        AuditPage result = queries.query(query, ResponseTypes.instanceOf(AuditPage.class)).join();
        if (result.next() != null) {
            response.setHeader(HttpHeaders.LINK, "<" + ServletUriComponentsBuilder.fromCurrentRequest()
                    .replaceQueryParam("page").replaceQueryParam("after", result.next()).build().toUriString()
                    + ">; rel=\"next\"");
        }
        if (format.equals("csv")) {
            Csv.download(response, "audit.csv", csv -> {
                AuditCsv.header(csv);
                AuditCsv.rows(csv, result.items(), json);
            });
            return null;
        }
        return ResponseEntity.ok(result);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package org.weiquan.app.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Pattern;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.weiquan.api.report.MonthlyPetitionReport;
import org.weiquan.api.report.MonthlyPetitionReportQuery;
import org.weiquan.app.security.CurrentUser;
import org.weiquan.app.web.Csv;
import org.weiquan.app.web.Tables;
import org.weiquan.app.web.TablesXlsx;
import org.weiquan.command.deadline.DeadlineCalculator;

import java.io.IOException;
import java.time.Clock;
import java.time.YearMonth;

/**
 * The monthly petition analysis report (信访分析月报, ADR 0022) of the viewer's organisation and
 * those below it, as JSON or as a CSV file for the spreadsheet the report is written up in. It holds
 * counts and rates only, no personal data, so every staff role may read it.
 */
@RestController
@Tag(name = "Reports")
@Validated
public class PetitionReportController {
    private final QueryGateway queries;
    private final Clock clock;
    private final MessageSource messages;

    public PetitionReportController(QueryGateway queries, Clock clock, MessageSource messages) {
        this.queries = queries;
        this.clock = clock;
        this.messages = messages;
    }

    @GetMapping("/api/reports/petitions/monthly")
    @Operation(summary = "Monthly petition analysis report: by channel, subject and district; acceptance, "
            + "on-time reply and satisfaction rates; repeat petitioners",
            description = "month is yyyy-MM (2026-11), the current month in China when absent. Every figure is "
                    + "about the petitions received in the month, as they stand now. format=csv returns a CSV file "
                    + "with one section per table; format=xlsx an Excel workbook laid out as the report page, in "
                    + "the user's language (Chinese unless chosen otherwise).")
    public ResponseEntity<?> monthly(
            @RequestParam(required = false)
            @Pattern(regexp = "\\d{4}-(0[1-9]|1[0-2])", message = "must be a month as yyyy-MM, e.g. 2026-11")
            String month,
            @RequestParam(defaultValue = "json") @Pattern(regexp = "json|csv|xlsx") String format,
            HttpServletResponse response) throws IOException {
        YearMonth reported = month == null ? YearMonth.now(clock.withZone(DeadlineCalculator.CHINA))
                : YearMonth.parse(month);
        MonthlyPetitionReport report = report(reported);
        if (format.equals("xlsx")) {
            Tables.Sheet sheet = PetitionReportSheet.of(report, messages, LocaleContextHolder.getLocale());
            TablesXlsx.download(response, "petition-report-" + reported + ".xlsx", sheet);
            return null;
        }
        if (format.equals("csv")) {
            Csv.download(response, "petition-report-" + reported + ".csv", csv -> PetitionReportCsv.write(csv, report));
            return null;
        }
        return ResponseEntity.ok(report);
    }

    /** The report of {@code month} for the signed-in user's organisation and those below it. */
    public MonthlyPetitionReport report(YearMonth month) {
        return queries.query(new MonthlyPetitionReportQuery(CurrentUser.get().organisation(), month),
                ResponseTypes.instanceOf(MonthlyPetitionReport.class)).join();
    }
}

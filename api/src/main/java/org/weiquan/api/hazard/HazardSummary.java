package org.weiquan.api.hazard;

import java.time.LocalDate;

/**
 * A row of the hazard list. {@code overdue}: the rectification deadline or the employer's answer
 * period passed (the escalation supervisors watch). {@code reportsPending}: a major hazard not yet
 * reported to both the authority and the workers' congress.
 */
public record HazardSummary(String hazardId, String caseNumber, HazardStatus status, HazardSeverity severity,
                            String district, String organisation, String inspector, String employerName,
                            String creditCode, String location, int noticeNumber, boolean overdue,
                            LocalDate nextDeadline, LocalDate foundOn, boolean reportsPending,
                            boolean listedForSupervision, boolean evacuationRecommended) {
}

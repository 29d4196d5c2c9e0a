package org.weiquan.api.hazard;

import java.time.LocalDate;
import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;
import static org.weiquan.api.common.Personal.Kind.STAFF;

/**
 * A row of the hazard list. {@code overdue}: the rectification deadline or the employer's answer
 * period passed (the escalation supervisors watch). {@code reportsPending}: a major hazard not yet
 * reported to both the authority and the workers' congress.
 */
public record HazardSummary(String hazardId, String caseNumber, HazardStatus status, HazardSeverity severity,
                            String district, String organisation, @Personal(STAFF) String inspector, String employerName,
                            String creditCode, @Personal(FREE_TEXT) String location, int noticeNumber, boolean overdue,
                            LocalDate nextDeadline, LocalDate foundOn, boolean reportsPending,
                            boolean listedForSupervision, boolean evacuationRecommended) {
}

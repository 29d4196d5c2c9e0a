package org.weiquan.api.query;

import org.weiquan.api.common.CaseKind;

/** An event of the audit trail across cases: which case, and the event as the case history shows it. */
public record AuditEntry(String caseId, CaseKind kind, String caseNumber, HistoryEntry event) {
}

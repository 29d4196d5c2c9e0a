package org.weiquan.api.common;

/** A link as a read model shows it. */
public record CaseLink(String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber, LinkRelation relation,
                       String note) {
}

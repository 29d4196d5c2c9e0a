package org.weiquan.api.common;

import org.axonframework.serialization.Revision;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;

/**
 * A case recorded a link to another case, of any kind. A link is always recorded on both sides,
 * each with its own event (the other side's relation is the {@link LinkRelation#inverse()}).
 */
@EventType("case.linked")
@Revision("1")
public record CaseLinkedEvent(String caseId, CaseKind kind, String linkedCaseId, CaseKind linkedKind,
                              String linkedCaseNumber, LinkRelation relation, @Personal(FREE_TEXT) String note) {
}

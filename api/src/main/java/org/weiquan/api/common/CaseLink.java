package org.weiquan.api.common;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;

/** A link as a read model shows it. */
public record CaseLink(String linkedCaseId, CaseKind linkedKind, String linkedCaseNumber, LinkRelation relation,
                       @Personal(FREE_TEXT) String note) {
}

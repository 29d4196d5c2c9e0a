package org.weiquan.api.legalaid;

/** Why a legal-aid case was closed. */
public enum LegalAidClosureReason {
    /** Aid was given, its outcome recorded and the closing report submitted. */
    COMPLETED,
    /** The applicant withdrew before any lawyer acted under an approval. */
    WITHDRAWN,
    /** The missing materials were not supplied by the date the notice set: deemed withdrawn (§43). */
    MATERIALS_NOT_SUPPLIED,
    /** Aid was refused and the refusal stands (no objection, or the objection was dismissed). */
    REJECTED
}

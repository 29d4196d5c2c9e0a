package org.weiquan.app.casefile;

/** No case with this id that the user may see (HTTP 404: we do not tell which of the two). */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseId) {
        super("no case " + caseId);
    }
}

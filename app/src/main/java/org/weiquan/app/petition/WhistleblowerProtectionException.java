package org.weiquan.app.petition;

/** A user of the accused organisation asked for what would show a whistleblower (HTTP 403). */
public class WhistleblowerProtectionException extends RuntimeException {
    public WhistleblowerProtectionException(String caseNumber) {
        super("the history of " + caseNumber + " is not shown to the organisation it complains about"
                + " (《信访工作条例》§30)");
    }
}

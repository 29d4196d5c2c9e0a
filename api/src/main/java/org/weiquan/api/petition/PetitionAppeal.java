package org.weiquan.api.petition;

import java.time.LocalDate;

/**
 * A review (复查) or re-examination (复核) as the read model shows it: the request, the body asked,
 * the answer's due date and the answer once given ({@code answeredOn} null until then).
 */
public record PetitionAppeal(LocalDate requestedOn, String body, String grounds, LocalDate answerDueOn,
                             boolean answerOverdue, LocalDate answeredOn, ReviewDecision decision, String opinion,
                             Boolean answeredWithinPeriod) {
}

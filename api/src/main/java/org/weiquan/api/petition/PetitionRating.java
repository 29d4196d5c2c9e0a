package org.weiquan.api.petition;

import java.time.LocalDate;

/** The petitioner's rating of one answer. */
public record PetitionRating(AnswerStage stage, SatisfactionRating rating, LocalDate ratedOn, String comment) {
}

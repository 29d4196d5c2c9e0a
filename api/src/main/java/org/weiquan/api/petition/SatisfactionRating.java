package org.weiquan.api.petition;

/** The petitioner's rating of an answer (§21): the monthly report's satisfaction rate. */
public enum SatisfactionRating {
    SATISFIED, BASICALLY_SATISFIED, DISSATISFIED
}

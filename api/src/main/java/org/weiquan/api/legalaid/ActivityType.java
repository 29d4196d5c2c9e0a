package org.weiquan.api.legalaid;

/** What the assigned lawyer did for the applicant. */
public enum ActivityType {
    CONSULTATION, FILING, HEARING, OTHER
}

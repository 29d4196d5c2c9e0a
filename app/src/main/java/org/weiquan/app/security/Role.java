package org.weiquan.app.security;

/** What a user does in the system (DESIGN.md, "Who uses it"). */
public enum Role {
    /** Legal-aid or case officer: logs and advances cases of their organisation and those below. */
    OFFICER,
    /** Labour-law supervisor: reads cases and their full history, changes nothing. */
    SUPERVISOR,
    /** Analyst: statistics without personal data. */
    ANALYST,
    /** Administrator: users, replays, health. */
    ADMIN
}

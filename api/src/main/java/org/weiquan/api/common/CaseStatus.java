package org.weiquan.api.common;

/** What every kind's status says besides its name: whether the case is still open. */
public interface CaseStatus {
    String name();

    boolean isOpen();
}

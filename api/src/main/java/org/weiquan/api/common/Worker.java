package org.weiquan.api.common;

import java.util.Objects;

/**
 * A worker party to a case. Name, ID number and phone are personal data: {@link #toString()} masks
 * them so that they never reach a log line by accident.
 */
public record Worker(String name, String idNumber, String phone) {
    public Worker {
        Objects.requireNonNull(name, "worker name");
        Objects.requireNonNull(idNumber, "worker ID number");
    }

    @Override
    public String toString() {
        return "Worker[name=" + PersonalData.maskName(name) + ", idNumber=" + PersonalData.maskIdNumber(idNumber)
                + ", phone=" + PersonalData.maskPhone(phone) + "]";
    }
}

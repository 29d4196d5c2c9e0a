package org.weiquan.api.common;

import java.util.Objects;

import static org.weiquan.api.common.Personal.Kind.ID_NUMBER;
import static org.weiquan.api.common.Personal.Kind.PERSON_NAME;
import static org.weiquan.api.common.Personal.Kind.PHONE;

/**
 * A worker party to a case. Name, ID number and phone are personal data: {@link #toString()} masks
 * them so that they never reach a log line by accident.
 */
public record Worker(@Personal(PERSON_NAME) String name, @Personal(ID_NUMBER) String idNumber,
                     @Personal(PHONE) String phone) {
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

package org.weiquan.api.common;

/**
 * Masking of personal data for display and logs: enough to recognise a person, not enough to
 * reuse the number.
 */
public final class PersonalData {
    private PersonalData() {
    }

    /** {@code 320502199001011234} becomes {@code 320502********1234}. */
    public static String maskIdNumber(String idNumber) {
        if (idNumber == null) return null;
        if (idNumber.length() <= 10) return "*".repeat(idNumber.length());
        return idNumber.substring(0, 6) + "*".repeat(idNumber.length() - 10) + idNumber.substring(idNumber.length() - 4);
    }

    /** {@code 13912345678} becomes {@code 139****5678}. */
    public static String maskPhone(String phone) {
        if (phone == null) return null;
        if (phone.length() <= 7) return "*".repeat(phone.length());
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** {@code 张小明} becomes {@code 张**}; only the family name stays. */
    public static String maskName(String name) {
        if (name == null || name.isEmpty()) return name;
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(name.codePointCount(first, name.length()));
    }
}

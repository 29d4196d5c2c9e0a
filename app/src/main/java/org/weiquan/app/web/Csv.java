package org.weiquan.app.web;

/**
 * CSV for the spreadsheets reports end up in (RFC 4180): fields quoted when needed, and a leading
 * {@code = + - @} defused so that a cell is never run as a formula.
 */
public final class Csv {
    /** Written first, so that spreadsheet programs read the file as UTF-8 (Chinese text). */
    public static final String BYTE_ORDER_MARK = "\uFEFF";

    private Csv() {
    }

    public static void row(StringBuilder csv, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) csv.append(',');
            csv.append(quote(fields[i]));
        }
        csv.append("\r\n");
    }

    public static String quote(String field) {
        if (field == null) return "";
        String safe = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

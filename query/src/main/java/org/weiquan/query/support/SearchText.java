package org.weiquan.query.support;

import java.util.Locale;

/** The one way search text is stored and searched: lower case, single spaces, bounded length. */
public final class SearchText {
    public static final int MAX_LENGTH = 20_000;

    private SearchText() {
    }

    public static String normalise(String text) {
        String normal = text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
        return normal.length() > MAX_LENGTH ? normal.substring(0, MAX_LENGTH) : normal;
    }
}

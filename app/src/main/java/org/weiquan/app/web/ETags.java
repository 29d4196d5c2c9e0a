package org.weiquan.app.web;

/** A case's version as an HTTP entity tag: {@code "7"}. */
public final class ETags {
    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version in an If-Match header, or null when there is none or it is {@code *} (no check). */
    public static Long parseIfMatch(String header) {
        if (header == null || header.isBlank()) return null;
        String tag = header.strip();
        if (tag.equals("*")) return null; // "any version": the client asks for no check
        if (tag.startsWith("W/")) tag = tag.substring(2);
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) tag = tag.substring(1, tag.length() - 1);
        try {
            long version = Long.parseLong(tag);
            if (version < 0) throw new NumberFormatException();
            return version;
        } catch (NumberFormatException e) {
            throw new MalformedIfMatchException(header);
        }
    }

    /** An If-Match that is not a single version tag (HTTP 400). */
    public static class MalformedIfMatchException extends RuntimeException {
        public MalformedIfMatchException(String header) {
            super("If-Match must be one ETag of this API, such as \"3\"; got: " + header);
        }
    }
}

package org.weiquan.api.petition;

/**
 * Metadata of a document handed in with a petition; the bytes are in the blob store, found by
 * their SHA-256. {@code whistleblower}: material of a whistleblower (检举人), never shown to the
 * accused organisation (《信访工作条例》§30).
 */
public record Material(String fileName, String mediaType, long sizeBytes, String sha256, boolean whistleblower) {
}

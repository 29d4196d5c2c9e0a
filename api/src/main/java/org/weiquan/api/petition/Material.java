package org.weiquan.api.petition;

import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;

/**
 * Metadata of a document handed in with a petition; the bytes are in the blob store, found by
 * their SHA-256. {@code whistleblower}: material of a whistleblower (检举人), never shown to the
 * accused organisation (《信访工作条例》§30).
 */
public record Material(@Personal(FREE_TEXT) String fileName, String mediaType, long sizeBytes, String sha256, boolean whistleblower) {
}

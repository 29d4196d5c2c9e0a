package org.weiquan.api.hazard;

/**
 * A file proving a rectification (photo, inspection report, invoice), as the event records it: its
 * metadata and the SHA-256 of its content (64 lower-case hex characters). The bytes themselves are
 * never in an event; they belong in a blob store, where the hash finds and checks them.
 */
public record EvidenceAttachment(String fileName, String mediaType, long sizeBytes, String sha256) {
}

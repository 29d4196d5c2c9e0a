package org.weiquan.api.hazard;

import org.weiquan.api.common.Personal;

import static org.weiquan.api.common.Personal.Kind.FREE_TEXT;

/**
 * A file proving a rectification (photo, inspection report, invoice), as the event records it: its
 * metadata and the SHA-256 of its content (64 lower-case hex characters). The bytes themselves are
 * never in an event; they belong in a blob store, where the hash finds and checks them.
 */
public record EvidenceAttachment(@Personal(FREE_TEXT) String fileName, String mediaType, long sizeBytes, String sha256) {
}

package org.weiquan.api.petition;

/** A material as the read model shows it: numbered from 1 in the order received. */
public record PetitionMaterial(int number, String fileName, String mediaType, long sizeBytes, String sha256,
                               boolean whistleblower) {
}

package dev.promoter.artifact;

import java.net.URI;

/**
 * An artifact in the store.
 *
 * @param sha256 its digest, lower-case hex: also its address
 * @param size its length in bytes
 * @param uri where the store keeps it; what the registry records
 */
public record StoredArtifact(String sha256, long size, URI uri) {}

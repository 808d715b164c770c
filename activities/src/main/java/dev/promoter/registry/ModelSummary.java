package dev.promoter.registry;

import java.time.Instant;
import java.util.Map;

/**
 * A model with its aliases, for listings.
 *
 * @param name the model name
 * @param latestVersion the highest version number (0 when none is registered)
 * @param aliases alias name to the version holding it
 * @param createdAt when the model was first registered
 */
public record ModelSummary(String name, int latestVersion, Map<String, Integer> aliases, Instant createdAt) {}

package org.armswatch.country;

/**
 * A country as the job aggregates and reports it.
 *
 * @param code ISO 3166-1 alpha-2 code, the key for all aggregation (for example {@code KZ}; {@code XK} for Kosovo)
 * @param name English short name reporters see (for example {@code Kazakhstan})
 */
public record Country(String code, String name) {}

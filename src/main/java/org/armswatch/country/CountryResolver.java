package org.armswatch.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a country cell to an ISO 3166-1 alpha-2 country. Accepts alpha-2, alpha-3 and numeric codes, the
 * JDK's English and German names, and the aliases of the bundled table ({@code country/aliases.csv}) and of an
 * optional user file. Matching ignores case, accents, punctuation and a leading or trailing "the".
 * A cell that matches nothing resolves to empty: the caller rejects the row, nothing is guessed.
 * Thread-safe once built.
 */
public final class CountryResolver {

    // Runs see a few hundred distinct cells; the bound only guards against a file full of free text.
    private static final int CACHE_LIMIT = 100_000;

    private final Map<String, Country> countries;
    private final Map<String, String> aliases;
    private final Map<String, Country> countryByKey;
    private final ConcurrentHashMap<String, Optional<Country>> resolvedCells = new ConcurrentHashMap<>();

    private CountryResolver(CountryReference reference, Map<String, String> aliases) {
        this.countries = reference.countries();
        this.aliases = aliases;
        Map<String, Country> byKey = new HashMap<>();
        reference.codeByKey().forEach((key, code) -> byKey.put(key, countries.get(code)));
        // An alias wins over Locale's names and codes: it is what the desk wrote down on purpose.
        aliases.forEach((key, code) -> byKey.put(key, countries.get(code)));
        this.countryByKey = Map.copyOf(byKey);
    }

    /** Locale's names and codes, the bundled numeric codes and the bundled alias table. */
    public static CountryResolver bundled() {
        CountryReference reference = CountryReference.load();
        return new CountryResolver(reference, reference.bundledAliases());
    }

    /**
     * A new resolver that also knows the aliases in {@code aliasFile} (same format as the bundled
     * {@code country/aliases.csv}, UTF-8); an alias in the file overrides a bundled one with the same name.
     *
     * @throws IllegalArgumentException naming the file and line when a line is malformed, names an unknown
     *         code, or gives one alias two codes; or when the file is not UTF-8
     */
    public CountryResolver withUserAliases(Path aliasFile) throws IOException {
        Map<String, String> userAliases;
        try (BufferedReader reader = Files.newBufferedReader(aliasFile, StandardCharsets.UTF_8)) {
            userAliases = AliasTable.read(reader, aliasFile.toString(), countries.keySet());
        } catch (CharacterCodingException notUtf8) {
            throw new IllegalArgumentException(aliasFile + ": not UTF-8 text (save it as \"CSV UTF-8\")", notUtf8);
        }
        Map<String, String> merged = new LinkedHashMap<>(aliases);
        merged.putAll(userAliases);
        return new CountryResolver(CountryReference.load(), Map.copyOf(merged));
    }

    /** @return the country the cell names; empty for null, blank or unknown cells */
    public Optional<Country> resolve(String cell) {
        if (cell == null) {
            return Optional.empty();
        }
        Optional<Country> known = resolvedCells.get(cell);
        if (known != null) {
            return known;
        }
        Optional<Country> country = Optional.ofNullable(countryByKey.get(NameKey.of(cell)));
        if (resolvedCells.size() < CACHE_LIMIT) {
            resolvedCells.putIfAbsent(cell, country);
        }
        return country;
    }

    /** @return the country with exactly this alpha-2 code (upper case, as {@link Country#code()} gives it) */
    public Optional<Country> byCode(String alpha2) {
        return alpha2 == null ? Optional.empty() : Optional.ofNullable(countries.get(alpha2));
    }
}

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resolves a country cell to an ISO 3166-1 alpha-2 country. Accepts alpha-2, alpha-3 and numeric codes, the JDK's
 * English and German names, and the aliases of the bundled table ({@code country/aliases.csv}) and of an optional user
 * file. Matching ignores case, accents, punctuation and a leading or trailing "the". A cell that matches nothing
 * resolves to empty: the caller rejects the row, nothing is guessed. Thread-safe once built.
 */
public final class CountryResolver {

    // Runs see a few hundred distinct cells; the bound only guards against a file full of free text.
    private static final int CACHE_LIMIT = 100_000;

    private final Map<String, Country> countries;
    private final Map<String, String> aliases;
    private final Map<String, Country> countryByKey;
    private final Map<String, Country> countryByCompactKey;
    private final ConcurrentHashMap<String, Optional<Country>> resolvedCells = new ConcurrentHashMap<>();

    private CountryResolver(CountryReference reference, Map<String, String> aliases) {
        this.countries = reference.countries();
        this.aliases = aliases;
        Map<String, Country> byKey = new HashMap<>();
        reference.codeByKey().forEach((key, code) -> byKey.put(key, countries.get(code)));
        // An alias wins over Locale's names and codes: it is what the desk wrote down on purpose.
        aliases.forEach((key, code) -> byKey.put(key, countries.get(code)));
        this.countryByKey = Map.copyOf(byKey);
        // "Kaiman-Inseln" and "Kaimaninseln", "Bosnia-Herzegovina" and "Bosnia Herzegovina": one name, written apart or
        // not.
        Map<String, Country> compact = new HashMap<>();
        Set<String> clashes = new java.util.HashSet<>();
        byKey.forEach((key, country) -> {
            Country before = compact.putIfAbsent(key.replace(" ", ""), country);
            if (before != null && !before.equals(country)) clashes.add(key.replace(" ", ""));
        });
        clashes.forEach(compact::remove);
        this.countryByCompactKey = Map.copyOf(compact);
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
     * @throws IllegalArgumentException naming the file and line when a line is malformed, names an unknown code, or
     *     gives one alias two codes; or when the file is not UTF-8
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
        Optional<Country> country = Optional.ofNullable(byRules(cell, 0));
        if (resolvedCells.size() < CACHE_LIMIT) {
            resolvedCells.putIfAbsent(cell, country);
        }
        return country;
    }

    /** Whether the cell names its country only through one of the rules below, not as a name or code we know. */
    public boolean resolvedByRule(String cell) {
        return cell != null
                && countryByKey.get(NameKey.of(cell)) == null
                && resolve(cell).isPresent();
    }

    /** Words of a name's form of government, which say nothing of which country it is. */
    private static final Set<String> FORM_WORDS = Set.of(
            "republic",
            "republik",
            "republique",
            "of",
            "the",
            "von",
            "der",
            "de",
            "du",
            "la",
            "le",
            "des",
            "state",
            "staat",
            "etat",
            "kingdom",
            "konigreich",
            "royaume",
            "islamic",
            "islamische",
            "islamique",
            "united",
            "vereinigte",
            "unie",
            "federal",
            "foderale",
            "federale",
            "federation",
            "foderation",
            "plurinational",
            "plurinationaler",
            "bolivarian",
            "bolivarische",
            "bolivarienne",
            "province",
            "provinz",
            "china",
            "chine",
            "sultanate",
            "sultanat",
            "principality",
            "furstentum",
            "grand",
            "duchy",
            "grossherzogtum",
            "commonwealth",
            "special",
            "administrative",
            "region",
            "sar",
            "including",
            "einschliesslich",
            "former",
            "ehemalige",
            "yugoslav",
            "jugoslawische",
            "ex");
    /** Words that tell two countries apart ("Sudan (South)"): a name in brackets with one of them is never dropped. */
    private static final Set<String> TELLING_WORDS = Set.of(
            "north",
            "south",
            "east",
            "west",
            "northern",
            "southern",
            "eastern",
            "western",
            "nord",
            "sud",
            "sued",
            "ost",
            "democratic",
            "demokratische",
            "democratique",
            "dem",
            "dr",
            "rdc",
            "kinshasa",
            "brazzaville",
            "leopoldville",
            "people",
            "peoples",
            "volksrepublik",
            "popular",
            "populaire",
            "korea",
            "british",
            "us",
            "american",
            "french",
            "dutch");

    /**
     * A name as governments publish it, read by rules where it is no name or code we know: without a bracketed addition
     * ("Pakistan (CA)", "St Vincent (including the Grenadines)"), inverted ("Sudan, South", "Korea, Republik", "China,
     * Volksrepublik"), or with its form of government after a comma ("Tanzania, United Republic of"). A rule that could
     * lead to another country than the name means is not taken: "Congo (Kinshasa)" never becomes Congo, "Sudan, South"
     * never Sudan. Null where nothing applies.
     */
    private Country byRules(String cell, int depth) {
        String key = NameKey.of(cell);
        Country exact = countryByKey.get(key);
        if (exact == null && key.length() > 3) exact = countryByCompactKey.get(key.replace(" ", ""));
        if (exact != null || depth > 2) return exact;
        String text = cell.strip();
        int open = text.indexOf('(');
        int close = text.lastIndexOf(')');
        if (open > 0 && close > open) {
            String base = (text.substring(0, open) + " " + text.substring(close + 1)).strip();
            String inner = text.substring(open + 1, close).strip();
            Country swapped = countryByKey.get(NameKey.of(inner + " " + base));
            if (swapped != null) return swapped;
            Country ofBase = byRules(base, depth + 1);
            Country ofInner = inner.isEmpty() ? null : byRules(inner, depth + 1);
            // "Pakistan (CA)", "Iran, Islamische Republik (SG)": a short code in brackets after a name is an annotation
            // (Swiss lists mark the catch-all clause and sanctions so), not a second country.
            if (ofBase != null && ofInner != null) {
                return ofBase.equals(ofInner) || inner.matches("[A-Z]{2,3}") && !base.matches("[A-Za-z]{2,3}")
                        ? ofBase
                        : null;
            }
            if (ofBase != null && !hasAny(inner, TELLING_WORDS)) return ofBase;
            return null;
        }
        int comma = text.indexOf(',');
        if (comma > 0 && comma == text.lastIndexOf(',')) {
            String first = text.substring(0, comma).strip();
            String second = text.substring(comma + 1).strip();
            if (first.isEmpty() || second.isEmpty()) return null;
            Country swapped = countryByKey.get(NameKey.of(second + " " + first));
            if (swapped != null) return swapped;
            Country ofFirst = byRules(first, depth + 1);
            if (ofFirst == null) return null;
            if (onlyFormWords(second)) return ofFirst;
            Country ofSecond = byRules(second, depth + 1);
            return ofFirst.equals(ofSecond) ? ofFirst : null;
        }
        return null;
    }

    private static boolean onlyFormWords(String text) {
        String key = NameKey.of(text);
        if (key.isEmpty()) return false;
        for (String word : key.split(" ")) {
            if (!FORM_WORDS.contains(word)) return false;
        }
        return true;
    }

    private static boolean hasAny(String text, Set<String> words) {
        for (String word : NameKey.of(text).split(" ")) {
            if (words.contains(word)) return true;
        }
        return false;
    }

    /** @return the country with exactly this alpha-2 code (upper case, as {@link Country#code()} gives it) */
    public Optional<Country> byCode(String alpha2) {
        return alpha2 == null ? Optional.empty() : Optional.ofNullable(countries.get(alpha2));
    }
}

package org.armswatch.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What the JDK and the bundled resources say about countries: the countries themselves, and the name keys that lead to
 * them from codes (alpha-2, alpha-3, numeric) and from Locale's English and German names. Immutable once loaded; loaded
 * once per JVM.
 */
final class CountryReference {

    static final String ALIASES = "/country/aliases.csv";
    private static final String NUMERIC = "/country/iso3166-numeric.csv";
    private static final String DISPLAY_NAMES = "/country/display-names.csv";
    private static final String VARIANTS = "/country/variants.csv";

    private static volatile CountryReference loaded;

    private final Map<String, Country> countries;
    private final Map<String, String> codeByKey;
    private final Map<String, Set<String>> droppedNames;
    private final Map<String, String> bundledAliases;

    private CountryReference(
            Map<String, Country> countries,
            Map<String, String> codeByKey,
            Map<String, Set<String>> droppedNames,
            Map<String, String> bundledAliases) {
        this.countries = countries;
        this.codeByKey = codeByKey;
        this.droppedNames = droppedNames;
        this.bundledAliases = bundledAliases;
    }

    static CountryReference load() {
        CountryReference reference = loaded;
        if (reference == null) {
            synchronized (CountryReference.class) {
                reference = loaded;
                if (reference == null) {
                    reference = build();
                    loaded = reference;
                }
            }
        }
        return reference;
    }

    /** alpha-2 code to country */
    Map<String, Country> countries() {
        return countries;
    }

    /** name key to alpha-2 code, from codes and Locale names */
    Map<String, String> codeByKey() {
        return codeByKey;
    }

    /** Locale-derived name keys left out because they led to two codes (or to another country's code) */
    Map<String, Set<String>> droppedNames() {
        return droppedNames;
    }

    /** name key to alpha-2 code, from the bundled alias table */
    Map<String, String> bundledAliases() {
        return bundledAliases;
    }

    private static CountryReference build() {
        Map<String, String> displayOverrides = readDisplayNames();
        Map<String, Country> countries = new TreeMap<>();
        for (String code : Locale.getISOCountries()) {
            String name = displayOverrides.getOrDefault(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH));
            countries.put(code, new Country(code, name));
        }
        displayOverrides.forEach((code, name) -> countries.putIfAbsent(code, new Country(code, name)));

        Map<String, Set<String>> codesByName = new HashMap<>();
        for (String code : Locale.getISOCountries()) {
            Locale locale = new Locale("", code);
            for (String name : localeNames(code, locale)) {
                codesByName
                        .computeIfAbsent(NameKey.of(name), k -> new TreeSet<>())
                        .add(code);
            }
        }
        Map<String, String> codeKeys = codeKeys(countries.keySet());

        Map<String, String> codeByKey = new HashMap<>();
        Map<String, Set<String>> dropped = new TreeMap<>();
        codesByName.forEach((key, codes) -> {
            String codeWithThatKey = codeKeys.get(key);
            boolean clashesWithCode = codeWithThatKey != null && !codes.equals(Set.of(codeWithThatKey));
            if (codes.size() > 1 || clashesWithCode) {
                Set<String> all = new TreeSet<>(codes);
                if (codeWithThatKey != null) {
                    all.add(codeWithThatKey);
                }
                dropped.put(key, Collections.unmodifiableSet(all));
            } else if (!key.isEmpty()) {
                codeByKey.put(key, codes.iterator().next());
            }
        });
        codeByKey.putAll(codeKeys);
        // Official long forms and other languages' names fill in what Locale lacks; they never displace its names.
        Map<String, String> variants = readVariants(countries.keySet());
        variants.forEach((key, code) -> {
            if (!dropped.containsKey(key)) codeByKey.putIfAbsent(key, code);
        });

        Map<String, String> aliases = readAliases(countries.keySet());
        return new CountryReference(
                Collections.unmodifiableMap(countries),
                Map.copyOf(codeByKey),
                Collections.unmodifiableMap(dropped),
                aliases);
    }

    /** Locale's English and German names plus the spellings they are commonly written in. */
    private static List<String> localeNames(String code, Locale locale) {
        List<String> names = new ArrayList<>();
        String english = locale.getDisplayCountry(Locale.ENGLISH);
        String german = locale.getDisplayCountry(Locale.GERMAN);
        for (String name : List.of(english, german)) {
            if (name.isBlank() || name.equals(code)) {
                continue; // the JDK echoes the code when it has no name
            }
            names.add(name);
            if (name.contains("(")) {
                names.add(name.replaceAll("\\s*\\([^)]*\\)", "")); // "Myanmar (Burma)" is written "Myanmar"
            }
        }
        if (english.startsWith("St. ")) {
            names.add("Saint " + english.substring(4));
        }
        String transliterated = german.replace("ä", "ae")
                .replace("ö", "oe")
                .replace("ü", "ue")
                .replace("Ä", "Ae")
                .replace("Ö", "Oe")
                .replace("Ü", "Ue");
        if (!transliterated.equals(german) && !german.equals(code)) {
            names.add(transliterated); // "Tuerkei": written without umlauts on older systems
        }
        return names;
    }

    private static Map<String, String> codeKeys(Set<String> alpha2Codes) {
        Map<String, String> codeKeys = new HashMap<>();
        for (String code : alpha2Codes) {
            codeKeys.put(NameKey.of(code), code);
            try {
                String alpha3 = new Locale("", code).getISO3Country();
                if (!alpha3.isEmpty()) {
                    codeKeys.put(NameKey.of(alpha3), code);
                }
            } catch (MissingResourceException noAlpha3) {
                // XK has none in the JDK; its XKX is in the alias table
            }
        }
        for (String[] row : rows(NUMERIC)) {
            if (alpha2Codes.contains(row[0])) {
                codeKeys.put(NameKey.of(row[1]), row[0]);
            }
        }
        return codeKeys;
    }

    private static Map<String, String> readDisplayNames() {
        Map<String, String> names = new LinkedHashMap<>();
        for (String[] row : rows(DISPLAY_NAMES)) {
            if (!row[0].matches("[A-Z]{2}")) {
                throw new IllegalStateException(DISPLAY_NAMES + ": '" + row[0] + "' is not an alpha-2 code");
            }
            names.put(row[0], row[1]);
        }
        return names;
    }

    /**
     * The bundled table of names in other forms ({@code name,code,source}, the name quoted where it holds a comma):
     * name key to alpha-2 code. A key that two rows give different codes is left out: it is no name of one country.
     */
    private static Map<String, String> readVariants(Set<String> knownCodes) {
        Map<String, String> byKey = new HashMap<>();
        Set<String> ambiguous = new TreeSet<>();
        try (BufferedReader reader = open(VARIANTS)) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                if (header) {
                    header = false;
                    continue;
                }
                String name;
                String rest;
                if (line.startsWith("\"")) {
                    int end = line.indexOf("\",", 1);
                    name = line.substring(1, end).replace("\"\"", "\"");
                    rest = line.substring(end + 2);
                } else {
                    int comma = line.indexOf(',');
                    name = line.substring(0, comma);
                    rest = line.substring(comma + 1);
                }
                String code = rest.substring(0, rest.indexOf(','));
                if (!knownCodes.contains(code)) throw new IllegalStateException(VARIANTS + ": unknown code in " + line);
                String key = NameKey.of(name);
                String before = byKey.putIfAbsent(key, code);
                if (before != null && !before.equals(code)) ambiguous.add(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ambiguous.forEach(byKey::remove);
        return byKey;
    }

    private static Map<String, String> readAliases(Set<String> knownCodes) {
        try (BufferedReader reader = open(ALIASES)) {
            return Collections.unmodifiableMap(AliasTable.read(reader, "bundled " + ALIASES, knownCodes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Two-column rows of a bundled resource whose values never contain commas; header and comments skipped. */
    private static List<String[]> rows(String resource) {
        List<String[]> rows = new ArrayList<>();
        try (BufferedReader reader = open(resource)) {
            boolean header = true;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                int comma = line.indexOf(',');
                rows.add(new String[] {
                    line.substring(0, comma).strip(), line.substring(comma + 1).strip()
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }

    private static BufferedReader open(String resource) {
        InputStream in = CountryReference.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
}

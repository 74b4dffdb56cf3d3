package org.armswatch.country;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads an alias file: one {@code alias,code} per line, UTF-8, {@code #} comment lines, an optional {@code alias,code}
 * header. An alias holding a comma is quoted; unquoted, the line is split at its last separator, so {@code Congo, Dem.
 * Rep.,CD} works too. A semicolon is accepted as separator because German Excel saves CSV that way.
 */
final class AliasTable {

    private AliasTable() {}

    /**
     * @return name key to alpha-2 code, in file order
     * @throws IllegalArgumentException naming the source and line for a malformed line, an unknown code, or an alias
     *     given two different codes
     */
    static Map<String, String> read(BufferedReader reader, String source, Set<String> knownCodes) throws IOException {
        Map<String, String> codeByKey = new LinkedHashMap<>();
        Map<String, Integer> lineByKey = new HashMap<>();
        int lineNumber = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || isHeader(trimmed)) {
                continue;
            }
            String[] aliasAndCode = split(trimmed);
            if (aliasAndCode == null) {
                throw new IllegalArgumentException(
                        source + ", line " + lineNumber + ": expected alias,code but found '" + trimmed + "'");
            }
            String alias = aliasAndCode[0];
            String code = aliasAndCode[1].toUpperCase(Locale.ROOT);
            if (!knownCodes.contains(code)) {
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": unknown country code '"
                        + aliasAndCode[1] + "' (the code column takes an ISO 3166-1 alpha-2 code such as KZ)");
            }
            String key = NameKey.of(alias);
            if (key.isEmpty()) {
                throw new IllegalArgumentException(
                        source + ", line " + lineNumber + ": alias '" + alias + "' has no letters or digits");
            }
            String earlier = codeByKey.get(key);
            if (earlier != null && !earlier.equals(code)) {
                // Picking either would silently misfile rows; the file's author has to decide.
                throw new IllegalArgumentException(source + ", line " + lineNumber + ": alias '" + alias
                        + "' is already given code " + earlier + " on line " + lineByKey.get(key));
            }
            codeByKey.put(key, code);
            lineByKey.putIfAbsent(key, lineNumber);
        }
        return codeByKey;
    }

    private static boolean isHeader(String line) {
        return line.equalsIgnoreCase("alias,code") || line.equalsIgnoreCase("alias;code");
    }

    /** @return {alias, code} both stripped and unquoted, or null when the line has no usable separator */
    private static String[] split(String line) {
        String alias;
        String rest;
        if (line.startsWith("\"")) {
            StringBuilder quoted = new StringBuilder();
            int i = 1;
            while (true) {
                int quote = line.indexOf('"', i);
                if (quote < 0) {
                    return null;
                }
                quoted.append(line, i, quote);
                if (quote + 1 < line.length() && line.charAt(quote + 1) == '"') {
                    quoted.append('"');
                    i = quote + 2;
                } else {
                    i = quote + 1;
                    break;
                }
            }
            alias = quoted.toString();
            rest = line.substring(i).strip();
            if (rest.isEmpty() || (rest.charAt(0) != ',' && rest.charAt(0) != ';')) {
                return null;
            }
            rest = rest.substring(1);
        } else {
            int separator = Math.max(line.lastIndexOf(','), line.lastIndexOf(';'));
            if (separator < 0) {
                return null;
            }
            alias = line.substring(0, separator);
            rest = line.substring(separator + 1);
        }
        String code = unquote(rest.strip());
        alias = alias.strip();
        if (alias.isEmpty() || code.isEmpty()) {
            return null;
        }
        return new String[] {alias, code};
    }

    private static String unquote(String field) {
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            return field.substring(1, field.length() - 1).strip();
        }
        return field;
    }
}

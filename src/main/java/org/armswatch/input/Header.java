package org.armswatch.input;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** A file's column names, matched the way reporters write them: any case, stray spaces, a BOM. */
public record Header(List<String> names) {

    public Header {
        names = List.copyOf(names);
    }

    /** Trim, strip a BOM, lower-case, collapse internal whitespace: {@code " Value (EUR) "} is "value (eur)". */
    public static String normalize(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean pendingSpace = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\uFEFF') {
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * Index of the column named {@code field}, else of the first column named by an alias, in the aliases' order; -1 if
     * absent. The field's own name wins over an alias wherever the two columns stand, so that a file with both
     * {@code value} and {@code value_eur} is read by the documented name.
     */
    public int indexOf(String field, String... aliases) {
        List<String> normalized = new ArrayList<>(names.size());
        for (String name : names) {
            normalized.add(normalize(name));
        }
        int index = normalized.indexOf(normalize(field));
        for (int i = 0; index < 0 && i < aliases.length; i++) {
            index = normalized.indexOf(normalize(aliases[i]));
        }
        return index;
    }

    /** Columns not in {@code used}, by their names as the file writes them (trimmed), for the run's notes. */
    public List<String> unusedColumns(Collection<Integer> used) {
        Set<Integer> usedSet = new HashSet<>(used);
        List<String> unused = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            if (!usedSet.contains(i)) {
                String name = names.get(i).replace("\uFEFF", "").strip();
                unused.add(name.isEmpty() ? "column " + (i + 1) + " (no name)" : name);
            }
        }
        return unused;
    }
}

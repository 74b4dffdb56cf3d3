package org.armswatch.input;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Whether a row is illustrative, not real data: its source says so ("Illustrative figure, not real data", "Illustrative
 * (not ACLED data)"), as the bundled sample's rows do. A figure that rests on such a row is marked [i] wherever it is
 * shown and never makes a headline.
 */
public final class Illustrative {

    private Illustrative() {}

    private static final byte[][] WORDS = {
        "illustrative".getBytes(StandardCharsets.US_ASCII), "not real data".getBytes(StandardCharsets.US_ASCII)
    };

    public static boolean source(String source) {
        if (source == null || source.isEmpty()) return false;
        String s = source.toLowerCase(Locale.ROOT);
        for (byte[] w : WORDS) if (s.contains(new String(w, StandardCharsets.US_ASCII))) return true;
        return false;
    }

    /** The same of a field, from the reader's buffer: an event export's sources are too many to keep as texts. */
    public static boolean source(CsvReader csv, int column) {
        return csv.fieldContainsAny(column, WORDS);
    }
}

package org.armswatch.input;

import java.nio.charset.StandardCharsets;

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

    /**
     * ASCII letters in any case, as {@link CsvReader#fieldContainsAny} finds them in bytes; asked of every licence row
     * several times, so without a lower-case copy of the text.
     */
    public static boolean source(String source) {
        if (source == null || source.isEmpty()) return false;
        for (byte[] w : WORDS) if (contains(source, w)) return true;
        return false;
    }

    private static boolean contains(String text, byte[] word) {
        for (int at = 0, last = text.length() - word.length; at <= last; at++) {
            int k = 0;
            while (k < word.length) {
                char c = text.charAt(at + k);
                if (c >= 'A' && c <= 'Z') c += 'a' - 'A';
                if (c != word[k]) break;
                k++;
            }
            if (k == word.length) return true;
        }
        return false;
    }

    /** The same of a field, from the reader's buffer: an event export's sources are too many to keep as texts. */
    public static boolean source(CsvReader csv, int column) {
        return csv.fieldContainsAny(column, WORDS);
    }
}

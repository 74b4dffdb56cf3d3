package org.armswatch.input;

import java.util.Locale;

/**
 * Whether a row is illustrative, not real data: its source says so ("Illustrative figure, not real data",
 * "Illustrative (not ACLED data)"), as the bundled sample's rows do. A figure that rests on such a row is marked [i]
 * wherever it is shown and never makes a headline.
 */
public final class Illustrative {

    private Illustrative() {}

    public static boolean source(String source) {
        if (source == null || source.isEmpty()) return false;
        String s = source.toLowerCase(Locale.ROOT);
        return s.contains("illustrative") || s.contains("not real data");
    }
}

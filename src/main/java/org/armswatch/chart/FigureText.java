package org.armswatch.chart;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

/**
 * How figures read in titles, labels and alt text: whole amounts with their currency, and counts with thousands
 * separators.
 */
final class FigureText {

    static final int HEADLINE_MAX_WORDS = 12;

    private FigureText() {}

    /**
     * One pattern for bar labels, tick labels and alt text, so the picture and its words agree. A fixed locale keeps
     * the separators the same on every server.
     */
    static DecimalFormat wholeNumberFormat() {
        var format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.UK));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format;
    }

    static String whole(double value) {
        return wholeNumberFormat().format(value);
    }

    /** "EUR 2,200,000": the ISO code first, as the Financial Times and the ONS write amounts in several currencies. */
    static String money(String currency, double value) {
        return currency + " " + whole(value);
    }

    static String events(long count) {
        return wholeNumberFormat().format(count) + (count == 1 ? " event" : " events");
    }

    /** "A", "A and B", "A, B and C". */
    static String joined(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.get(parts.size() - 1);
    }

    static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    /**
     * The first headline that fits the word limit; candidates go from most to least informative, and long country names
     * or period labels push a headline down the list.
     */
    static String headline(List<String> candidates) {
        String shortest = candidates.get(0);
        for (String candidate : candidates) {
            if (wordCount(candidate) <= HEADLINE_MAX_WORDS) {
                return candidate;
            }
            if (wordCount(candidate) < wordCount(shortest)) {
                shortest = candidate;
            }
        }
        return shortest;
    }

    static String sourceLine(String source) {
        String trimmed = source.strip();
        return trimmed.regionMatches(true, 0, "Source:", 0, 7)
                ? "Source:" + trimmed.substring(7)
                : "Source: " + trimmed;
    }
}

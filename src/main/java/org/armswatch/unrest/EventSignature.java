package org.armswatch.unrest;

import org.armswatch.input.CsvReader;
import org.armswatch.period.Period;

/**
 * What makes two rows of different ACLED exports the same event when their ids differ: country, day, place, both actors
 * and fatalities, compared without regard to the case of ASCII letters or to surrounding spaces. A 64-bit hash of them
 * (FNV-1a over their UTF-8 bytes), never 0; two different events share one with a chance of about one in 10^19 per
 * pair. Read straight from the reader's buffer ({@link CsvReader#hashField}).
 */
final class EventSignature {

    private static final long OFFSET = 0xcbf29ce484222325L;

    private EventSignature() {}

    /** The signature of a row being read: place and actors from the reader's buffer, nothing allocated. */
    static long of(
            String country, Period day, CsvReader csv, int location, int actor1, int actor2, Integer fatalities) {
        long h = csv.hashField(actor2, csv.hashField(actor1, csv.hashField(location, head(country, day))));
        return tail(h, fatalities);
    }

    /** The same signature of texts at hand (tests, and rows made by hand). */
    static long of(String country, Period day, String location, String actor1, String actor2, Integer fatalities) {
        long h = CsvReader.hash(CsvReader.hash(CsvReader.hash(head(country, day), location), actor1), actor2);
        return tail(h, fatalities);
    }

    /** Country and day as numbers: the same for every row of them, without a text made per row. */
    private static long head(String country, Period day) {
        return mix(mix(OFFSET, country.hashCode()), day.start().toEpochDay());
    }

    private static long tail(long h, Integer fatalities) {
        long t = mix(h, fatalities == null ? -1 : fatalities);
        return t == 0 ? 1 : t;
    }

    private static long mix(long h, long v) {
        for (int i = 0; i < 8; i++) {
            h = (h ^ (v & 0xFF)) * 0x100000001b3L;
            v >>>= 8;
        }
        return h;
    }
}

package org.armswatch.unrest;

import java.util.Locale;

import org.armswatch.period.Period;

/**
 * What makes two rows of different ACLED exports the same event when their ids differ: country, day, place, both
 * actors and fatalities, compared without regard to case or surrounding spaces. A 64-bit hash of them (FNV-1a), never
 * 0; two different events share one with a chance of about one in 10^19 per pair.
 */
final class EventSignature {

    private static final long OFFSET = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    private EventSignature() {}

    static long of(String country, Period day, String location, String actor1, String actor2, Integer fatalities) {
        long h = OFFSET;
        h = mix(h, country);
        h = mix(h, day.iso());
        h = mix(h, location);
        h = mix(h, actor1);
        h = mix(h, actor2);
        h = mix(h, fatalities == null ? "" : fatalities.toString());
        return h == 0 ? 1 : h;
    }

    private static long mix(long h, String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (int i = 0; i < t.length(); i++) {
            h ^= t.charAt(i);
            h *= PRIME;
        }
        // A separator, so that "ab"+"c" and "a"+"bc" differ.
        h ^= 0x1F;
        return h * PRIME;
    }
}

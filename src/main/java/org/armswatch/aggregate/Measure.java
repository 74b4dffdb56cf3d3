package org.armswatch.aggregate;

import java.util.Locale;

/** The Overview's figures per country and period, as kept per run in aw_figure. */
public enum Measure {
    LICENCES_ISSUED, VALUE_ISSUED, LICENCES_REFUSED, VALUE_REFUSED,
    EVENTS, FATALITIES,
    DETAINED_OFFICIAL, DETAINED_HIGHEST, KILLED_OFFICIAL, KILLED_HIGHEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Measure ofKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}

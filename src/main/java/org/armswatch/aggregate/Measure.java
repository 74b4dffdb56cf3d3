package org.armswatch.aggregate;

import java.util.Locale;

/** The Overview's figures per country and period, as kept per run in aw_figure (values with their currency). */
public enum Measure {
    LICENCES_ISSUED, VALUE_ISSUED, LICENCES_REFUSED, VALUE_REFUSED,
    EVENTS, CIVILIANS_TARGETED, FATALITIES,
    DETAINED_OFFICIAL, DETAINED_HIGHEST, KILLED_OFFICIAL, KILLED_HIGHEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A value of licences: in a currency, never added across currencies. */
    public boolean money() {
        return this == VALUE_ISSUED || this == VALUE_REFUSED;
    }
}

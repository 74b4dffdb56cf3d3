package org.armswatch.aggregate;

import java.util.Locale;

/** The Overview's figures per country and period, as kept per run in aw_figure (values with their currency). */
public enum Measure {
    LICENCES_ISSUED,
    VALUE_ISSUED,
    LICENCES_REFUSED,
    VALUE_REFUSED,
    EVENTS,
    CIVILIANS_TARGETED,
    FATALITIES,
    /** As a desk quotes the tally: the lowest figure reported in the period, and the latest. */
    DETAINED_LOWEST,
    DETAINED_LATEST,
    KILLED_LOWEST,
    KILLED_LATEST,
    /** Shown by earlier versions; read back from their runs' figures when this one compares with them. */
    DETAINED_OFFICIAL,
    DETAINED_HIGHEST,
    KILLED_OFFICIAL,
    KILLED_HIGHEST;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A value of licences: in a currency, never added across currencies. */
    public boolean money() {
        return this == VALUE_ISSUED || this == VALUE_REFUSED;
    }
}

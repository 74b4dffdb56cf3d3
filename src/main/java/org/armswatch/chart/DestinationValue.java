package org.armswatch.chart;

import java.util.Objects;

/**
 * One destination's licence value for the top-destinations chart.
 *
 * @param illustrative the value rests on illustrative rows (not real data): labelled [i], never a headline
 */
public record DestinationValue(String country, double value, boolean illustrative) {

    public DestinationValue {
        Objects.requireNonNull(country, "country");
        if (country.isBlank()) {
            throw new IllegalArgumentException("country must not be blank");
        }
        // Bars start at zero: a negative or NaN value would draw a bar that means nothing.
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException("value must be a finite amount >= 0, was " + value + " for " + country);
        }
    }

    public DestinationValue(String country, double value) {
        this(country, value, false);
    }
}

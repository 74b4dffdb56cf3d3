package org.armswatch.chart;

import java.util.Objects;

/** One destination's licence value for the top-destinations chart. */
public record DestinationValue(String country, double value) {

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
}

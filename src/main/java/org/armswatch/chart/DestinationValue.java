package org.armswatch.chart;

import java.util.Objects;

/** One destination's licence value for the top-destinations chart. */
public record DestinationValue(String country, double valueEur) {

    public DestinationValue {
        Objects.requireNonNull(country, "country");
        if (country.isBlank()) {
            throw new IllegalArgumentException("country must not be blank");
        }
        // Bars start at zero: a negative or NaN value would draw a bar that means nothing.
        if (!Double.isFinite(valueEur) || valueEur < 0) {
            throw new IllegalArgumentException("valueEur must be a finite amount >= 0, was " + valueEur + " for " + country);
        }
    }
}

package org.armswatch.chart;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * The destinations with the highest licence value in one period, largest first.
 *
 * @param periodLabel the period as people say it, e.g. "2021" or "Jan to Mar 2022"
 * @param currency ISO 4217 code of every value: one chart never mixes currencies
 * @param destinations largest first, at most about ten
 * @param source the source line's text, with or without a leading "Source:"
 */
public record TopDestinations(String periodLabel, String currency, List<DestinationValue> destinations, String source) {

    public TopDestinations {
        Objects.requireNonNull(periodLabel, "periodLabel");
        Objects.requireNonNull(source, "source");
        destinations = List.copyOf(destinations);
        if (periodLabel.isBlank() || source.isBlank()) {
            throw new IllegalArgumentException("periodLabel and source must not be blank");
        }
        // Each country is one bar: a repeated name would silently overwrite the other bar.
        var seen = new HashSet<String>();
        for (DestinationValue destination : destinations) {
            if (!seen.add(destination.country())) {
                throw new IllegalArgumentException("destination listed twice: " + destination.country());
            }
        }
    }
}

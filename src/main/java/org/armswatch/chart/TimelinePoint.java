package org.armswatch.chart;

import java.util.Objects;

/**
 * One period of a country's timeline. A null figure is not available and is drawn as nothing,
 * never as zero; a true zero is {@code 0}.
 */
public record TimelinePoint(String periodLabel, Double licenceValue, Long events) {

    public TimelinePoint {
        Objects.requireNonNull(periodLabel, "periodLabel");
        if (periodLabel.isBlank()) {
            throw new IllegalArgumentException("periodLabel must not be blank");
        }
        if (licenceValue != null && (!Double.isFinite(licenceValue) || licenceValue < 0)) {
            throw new IllegalArgumentException("licenceValue must be a finite amount >= 0, was " + licenceValue);
        }
        if (events != null && events < 0) {
            throw new IllegalArgumentException("events must be >= 0, was " + events);
        }
    }
}

package org.armswatch.chart;

import java.util.Objects;
import org.armswatch.period.Period;

/**
 * One period of a timeline, at the length it was reported for (a year's licences, a quarter's unrest). A null figure is
 * not available and is drawn as nothing, never as zero; a true zero is {@code 0}.
 *
 * @param licenceIllustrative the licence value rests on illustrative rows (not real data)
 * @param eventsIllustrative the events rest on illustrative rows
 */
public record TimelinePoint(
        Period period, Double licenceValue, Long events, boolean licenceIllustrative, boolean eventsIllustrative) {

    public TimelinePoint {
        Objects.requireNonNull(period, "period");
        if (licenceValue != null && (!Double.isFinite(licenceValue) || licenceValue < 0)) {
            throw new IllegalArgumentException("licenceValue must be a finite amount >= 0, was " + licenceValue);
        }
        if (events != null && events < 0) {
            throw new IllegalArgumentException("events must be >= 0, was " + events);
        }
    }

    /** Real figures, as nearly all are. */
    public TimelinePoint(Period period, Double licenceValue, Long events) {
        this(period, licenceValue, events, false, false);
    }

    public String periodLabel() {
        return period.label();
    }
}

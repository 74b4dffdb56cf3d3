package org.armswatch.aggregate;

import java.util.Map;

import org.armswatch.period.Period;

/**
 * One country and period of the Overview. Flagged where licences were issued and unrest was
 * recorded in the same period: where a story may start.
 */
public record OverviewRow(String country, String countryName, Period period, Map<Measure, Figure> figures) {

    public Figure figure(Measure m) {
        return figures.getOrDefault(m, Figure.NOT_AVAILABLE);
    }

    public boolean flagged() {
        boolean licensed = figure(Measure.LICENCES_ISSUED).positive() || figure(Measure.VALUE_ISSUED).positive();
        boolean unrest = figure(Measure.EVENTS).positive() || figure(Measure.FATALITIES).positive()
                || figure(Measure.DETAINED_OFFICIAL).positive() || figure(Measure.DETAINED_HIGHEST).positive()
                || figure(Measure.KILLED_OFFICIAL).positive() || figure(Measure.KILLED_HIGHEST).positive();
        return licensed && unrest;
    }
}

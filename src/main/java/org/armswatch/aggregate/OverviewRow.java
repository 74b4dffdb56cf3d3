package org.armswatch.aggregate;

import java.util.Map;
import org.armswatch.period.Period;

/**
 * One country and period of the Overview (its story leads are worked out by {@link StoryLeads}).
 *
 * @param sources where the row's figures come from, by kind: licence sources, unrest files, reported sources
 * @param reported detained and killed as a desk quotes them: lowest and latest, each with source and date
 */
public record OverviewRow(
        String country,
        String countryName,
        Period period,
        Map<Indicator, Figure> figures,
        String sources,
        String reported) {

    public OverviewRow(String country, String countryName, Period period, Map<Indicator, Figure> figures) {
        this(country, countryName, period, figures, "", "");
    }

    /** Whether any of the row's figures rests on illustrative rows (not real data). */
    public boolean illustrative() {
        return figures.values().stream().anyMatch(Figure::illustrative);
    }

    /** A count: licences, events, people. */
    public Figure figure(Measure m) {
        return figures.getOrDefault(Indicator.of(m), Figure.NOT_AVAILABLE);
    }

    /** A value of licences in one currency. */
    public Figure figure(Measure m, String currency) {
        return figures.getOrDefault(Indicator.money(m, currency), Figure.NOT_AVAILABLE);
    }

    public Figure figure(Indicator i) {
        return figures.getOrDefault(i, Figure.NOT_AVAILABLE);
    }

    /** Whether any licence value was issued, in whatever currency. */
    public boolean valueIssued() {
        return figures.entrySet().stream()
                .anyMatch(e -> e.getKey().measure() == Measure.VALUE_ISSUED
                        && e.getValue().positive());
    }
}

package org.armswatch.aggregate;

import java.util.Locale;
import org.armswatch.period.Period;

/**
 * One Overview figure (country, period, measure and currency) that differs from the previous run's.
 *
 * @param before the previous run's figure; null where the figure was added
 * @param after this run's figure; null where the figure was removed
 * @param changedInputs the input files of the measure's kind that were changed, added or removed between the two runs,
 *     e.g. "licences/a.csv (changed)"
 */
public record FigureChange(
        Kind kind,
        String country,
        String countryName,
        Period period,
        Indicator indicator,
        Figure before,
        Figure after,
        String changedInputs) {

    public enum Kind {
        ADDED,
        REMOVED,
        REVISED;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}

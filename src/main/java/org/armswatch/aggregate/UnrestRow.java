package org.armswatch.aggregate;

import org.armswatch.period.Period;

/**
 * One row of the Unrest sheet: either ACLED events of one type (events and fatalities), or one reported metric across
 * the tally's sources (official, highest, lowest). Figures that do not apply to the row's kind are null, shown as [z].
 */
public record UnrestRow(
        String country,
        String countryName,
        Period period,
        Kind kind,
        String typeOrMetric,
        String region,
        String basis,
        Figure events,
        Figure fatalities,
        Figure official,
        Figure highest,
        Figure lowest,
        Integer sourceCount,
        String sources) {

    public enum Kind {
        EVENTS("ACLED events"),
        COUNTS("HDX event counts"),
        REPORTED("Reported figures");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}

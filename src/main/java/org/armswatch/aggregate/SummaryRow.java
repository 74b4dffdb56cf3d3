package org.armswatch.aggregate;

/**
 * One row of the Summary: a country's yearly total from one source, of licences (with their currency) or of unrest
 * events. Figures of the other kind are null ([z]).
 *
 * @param kind "Licences" or "Unrest events"
 * @param currency the value's ISO 4217 code; "" where the row has no value
 * @param rows input rows (licences) or events (unrest) the totals are made of
 */
public record SummaryRow(
        String country,
        String countryName,
        int year,
        String kind,
        String source,
        Figure licencesIssued,
        Figure licencesRefused,
        Figure valueIssued,
        String currency,
        Figure events,
        Figure civiliansTargeted,
        Figure fatalities,
        long rows) {

    public static final String LICENCES = "Licences";
    public static final String UNREST = "Unrest events";

    /** Whether any of its figures rests on illustrative rows. */
    public boolean illustrative() {
        for (Figure f :
                new Figure[] {licencesIssued, licencesRefused, valueIssued, events, civiliansTargeted, fatalities}) {
            if (f != null && f.illustrative()) return true;
        }
        return false;
    }
}

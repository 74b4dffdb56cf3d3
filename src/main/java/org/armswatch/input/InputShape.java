package org.armswatch.input;

/** What kind of figures a file holds, told by its folder and, for unrest, by its header. */
public enum InputShape {
    /** input/licences/: native licence figures (inputs.md 1). */
    LICENCES,
    /** input/unrest/ with event_id_cnty and event_date: an ACLED event export (inputs.md 2a). */
    ACLED_EVENTS,
    /**
     * input/unrest/ with location_code, event_type, events, fatalities, reference_period_start: HDX monthly counts
     * (2c).
     */
    HDX_COUNTS,
    /** input/unrest/, any other header: the desk's tally of reported figures (inputs.md 2b). */
    REPORTED_FIGURES;

    static InputShape ofUnrest(Header header) {
        if (header.indexOf("event_id_cnty") >= 0 && header.indexOf("event_date") >= 0) {
            return ACLED_EVENTS;
        }
        if (header.indexOf("location_code") >= 0
                && header.indexOf("event_type") >= 0
                && header.indexOf("events") >= 0
                && header.indexOf("fatalities") >= 0
                && header.indexOf("reference_period_start") >= 0) {
            return HDX_COUNTS;
        }
        return REPORTED_FIGURES;
    }
}

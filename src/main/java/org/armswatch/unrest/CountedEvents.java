package org.armswatch.unrest;

import org.armswatch.period.Period;

/**
 * Events of one type in one country and month as a source counted them (HDX publishes counts, not
 * events). Fatalities are a sum over the rows that gave them; rows without a fatality figure are
 * counted apart, so that "not reported" never becomes zero.
 */
public record CountedEvents(String country, Period month, String eventType, long events, long fatalities,
                            long rows, long rowsWithoutFatalities) {

    /** ACLED's counts in the same form: one row per event. */
    public static CountedEvents of(EventCount c) {
        return new CountedEvents(c.country(), c.month(), c.eventType(), c.events(), c.fatalities(), c.events(),
                c.eventsWithoutFatalities());
    }
}

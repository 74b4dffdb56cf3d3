package org.armswatch.unrest;

import org.armswatch.period.Period;

/**
 * Events of one type in one country and month, after de-duplication: those ACLED marks as targeting civilians apart,
 * and those of illustrative rows (not real data) apart. Fatalities are a sum; when some events had no fatality count,
 * the sum is a floor ("at least").
 */
public record EventCount(
        String country,
        Period month,
        String eventType,
        boolean civiliansTargeted,
        boolean illustrative,
        long events,
        long fatalities,
        long eventsWithoutFatalities) {

    /** Real events, as nearly all are. */
    public EventCount(
            String country,
            Period month,
            String eventType,
            boolean civiliansTargeted,
            long events,
            long fatalities,
            long eventsWithoutFatalities) {
        this(country, month, eventType, civiliansTargeted, false, events, fatalities, eventsWithoutFatalities);
    }
}

package org.armswatch.unrest;

import org.armswatch.period.Period;

/**
 * Events of one type in one country and month, after de-duplication, those ACLED marks as targeting civilians apart.
 * Fatalities are a sum; when some events had no fatality count, the sum is a floor ("at least").
 */
public record EventCount(String country, Period month, String eventType, boolean civiliansTargeted, long events,
                         long fatalities, long eventsWithoutFatalities) {}

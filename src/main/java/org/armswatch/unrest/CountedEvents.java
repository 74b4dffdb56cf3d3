package org.armswatch.unrest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.armswatch.period.Period;

/**
 * Events of one type in one country and month as a source counted them (HDX publishes counts, not events). Fatalities
 * are a sum over the rows that gave them; rows without a fatality figure are counted apart, so that "not reported"
 * never becomes zero.
 */
public record CountedEvents(
        String country,
        Period month,
        String eventType,
        long events,
        long fatalities,
        long rows,
        long rowsWithoutFatalities,
        long illustrativeEvents) {

    /** Real counts, as HDX publishes them. */
    public CountedEvents(
            String country,
            Period month,
            String eventType,
            long events,
            long fatalities,
            long rows,
            long rowsWithoutFatalities) {
        this(country, month, eventType, events, fatalities, rows, rowsWithoutFatalities, 0);
    }

    /**
     * The type HDX gives to events that target civilians, a subset of its political violence: a country's events are
     * political violence and demonstrations, and this is "of which civilians targeted", never added to them.
     */
    public static final String CIVILIAN_TARGETING = "civilian_targeting";

    /**
     * Event types, in lower case, that are no unrest event of their own: HDX's civilian targeting (counted within
     * political violence), and ACLED's strategic developments, under their name since 2019 and the three of its earlier
     * exports (arrests, agreements, bases: neither political violence nor demonstrations).
     */
    public static final List<String> NOT_UNREST = List.of(
            CIVILIAN_TARGETING,
            "strategic developments",
            "strategic development",
            "headquarters or base established",
            "non-violent transfer of territory");

    /** SQL: the row of aw_event_count is an unrest event, as the Overview and the Summary count them alike. */
    public static final String IS_UNREST_SQL = "LOWER(event_type) NOT IN ('" + String.join("', '", NOT_UNREST) + "')";

    /**
     * ACLED's counts in the same form (one row per event): per type, and, as HDX counts them, the events ACLED's
     * civilian_targeting column marks, once more under {@link #CIVILIAN_TARGETING}.
     */
    public static List<CountedEvents> ofAcled(List<EventCount> counts) {
        Map<List<Object>, long[]> sums = new TreeMap<>(Comparator.comparing((List<Object> k) -> (String) k.get(0))
                .thenComparing(k -> (Period) k.get(1))
                .thenComparing(k -> (String) k.get(2)));
        for (EventCount c : counts) {
            add(sums, List.of(c.country(), c.month(), c.eventType()), c);
            if (c.civiliansTargeted()) add(sums, List.of(c.country(), c.month(), CIVILIAN_TARGETING), c);
        }
        List<CountedEvents> out = new ArrayList<>(sums.size());
        sums.forEach((k, v) -> out.add(new CountedEvents(
                (String) k.get(0), (Period) k.get(1), (String) k.get(2), v[0], v[1], v[0], v[2], v[3])));
        return out;
    }

    private static void add(Map<List<Object>, long[]> sums, List<Object> key, EventCount c) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[4]);
        sum[0] += c.events();
        sum[1] += c.fatalities();
        sum[2] += c.eventsWithoutFatalities();
        if (c.illustrative()) sum[3] += c.events();
    }
}

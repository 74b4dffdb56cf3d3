package org.armswatch.unrest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.armswatch.input.RejectedRow;
import org.armswatch.period.Period;

/**
 * Counts ACLED events per country, month and event type while reading, so that no raw event is
 * staged. The same event_id_cnty seen again (overlapping exports, a revised event) is counted
 * once: the row with the larger timestamp wins, and on a tie the later row.
 *
 * <p>It keeps one small entry per event id in memory for that; see the README's performance
 * section for what it costs.
 */
public final class EventTally {

    private record Bucket(String country, Period month, String eventType) {}

    /** The counted copy of an event, enough to take it back out when a newer copy arrives. */
    private record Counted(Bucket bucket, long timestamp, int fatalities, int fileNo, long line, String fileName) {}

    private static final int UNKNOWN = -1;

    private final Map<Bucket, long[]> buckets = new HashMap<>();
    private final Map<String, Counted> events = new HashMap<>();
    private final Map<Integer, int[]> usedAndReplacedByFile = new HashMap<>();
    private final List<RejectedRow> replaced = new ArrayList<>();

    /** @param fatalities null when the row gave none */
    public void add(String eventId, long timestamp, String country, Period day, String eventType, Integer fatalities,
                    int fileNo, String fileName, long line) {
        Bucket bucket = new Bucket(country, day.rollUpTo(org.armswatch.period.Granularity.MONTH), eventType);
        Counted now = new Counted(bucket, timestamp, fatalities == null ? UNKNOWN : fatalities, fileNo, line, fileName);
        Counted before = events.get(eventId);
        if (before == null) {
            count(now, +1);
            events.put(eventId, now);
            return;
        }
        if (now.timestamp() >= before.timestamp()) {
            count(before, -1);
            count(now, +1);
            events.put(eventId, now);
            replace(eventId, before, now);
        } else {
            replace(eventId, now, before);
        }
    }

    private void count(Counted c, int sign) {
        long[] b = buckets.computeIfAbsent(c.bucket(), k -> new long[3]);
        b[0] += sign;
        if (c.fatalities() == UNKNOWN) b[2] += sign;
        else b[1] += (long) sign * c.fatalities();
        usedAndReplacedByFile.computeIfAbsent(c.fileNo(), k -> new int[2])[0] += sign;
    }

    private void replace(String eventId, Counted loser, Counted winner) {
        int[] loserFile = usedAndReplacedByFile.computeIfAbsent(loser.fileNo(), k -> new int[2]);
        loserFile[1]++;
        replaced.add(new RejectedRow(loser.fileName(), loser.line(),
                "event_id_cnty=" + eventId + " timestamp=" + loser.timestamp(),
                "duplicate event " + eventId + ": replaced by " + winner.fileName() + " line " + winner.line()
                        + " (timestamp " + winner.timestamp() + " is not older)"));
    }

    public List<EventCount> counts() {
        List<EventCount> out = new ArrayList<>(buckets.size());
        buckets.forEach((k, v) -> {
            if (v[0] > 0) out.add(new EventCount(k.country(), k.month(), k.eventType(), v[0], v[1], v[2]));
        });
        out.sort(Comparator.comparing(EventCount::country).thenComparing(EventCount::month)
                .thenComparing(EventCount::eventType));
        return out;
    }

    /** Rows counted from this file (after later copies replaced some). */
    public int used(int fileNo) {
        int[] c = usedAndReplacedByFile.get(fileNo);
        return c == null ? 0 : c[0];
    }

    /** Rows of this file that another copy of the same event replaced. */
    public int replaced(int fileNo) {
        int[] c = usedAndReplacedByFile.get(fileNo);
        return c == null ? 0 : c[1];
    }

    public List<RejectedRow> replacedRows() {
        return replaced;
    }
}

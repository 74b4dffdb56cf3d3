package org.armswatch.unrest;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.armswatch.input.RejectedRow;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;

/**
 * Counts ACLED events per country, month and event type while reading, so that no raw event is
 * staged. The same event_id_cnty seen again (overlapping exports, a revised event) is counted
 * once: the row with the larger timestamp wins, and on a tie the later row.
 *
 * <p>Remembering every event id is the one thing here that grows with the input, so an event is
 * kept in parallel arrays (its id's bytes in one shared array) rather than as objects: about 60
 * bytes an event instead of about 225, which keeps two million events near 120 MB of heap and
 * out of the garbage collector's way. See the README's performance section.
 */
public final class EventTally {

    private static final int UNKNOWN = -1;

    /** A bucket's identity, as counts() reports it. */
    private record BucketKey(String country, String eventType, Period month) {}

    // Buckets are found by three small numbers instead of a key object: one lookup per row, no allocation.
    private final Map<String, Integer> countryNumbers = new HashMap<>();
    private final Map<String, Integer> typeNumbers = new HashMap<>();
    /**
     * Open addressing over (country, type, period) numbers, two longs a slot so that a probe reads one cache line: the
     * period and country code, then the type in the high half and bucket + 1 in the low half (0: a free slot). At most
     * half full.
     */
    private long[] bucketSlots = new long[2 << 10];
    private final List<BucketKey> buckets = new ArrayList<>();
    /** Per bucket: events, fatalities, events without a fatality count. */
    private long[] bucketFigures = new long[3 * 256];

    // The counted copy of each event, indexed by event number: enough to take it back out when a newer copy arrives.
    private int events;
    private byte[] idBytes = new byte[1 << 16];
    private int idBytesUsed;
    private int[] idStart = new int[1 << 12];
    private long[] timestamps = new long[1 << 12];
    private int[] bucketOf = new int[1 << 12];
    private int[] fatalities = new int[1 << 12];
    private int[] fileNos = new int[1 << 12];
    private long[] lines = new long[1 << 12];
    /**
     * Open addressing: the id's hash in the high half, event number + 1 in the low half, or 0 for a free slot; never
     * more than half full. The hash beside the number spares a look into the event arrays for every slot passed.
     */
    private long[] slots = new long[1 << 13];

    private byte[] probe = new byte[64];
    // Per file number (a run's files are numbered from 1): its name, rows used and rows replaced.
    private String[] fileNames = new String[8];
    private int[] usedByFile = new int[8];
    private int[] replacedByFile = new int[8];
    private final List<RejectedRow> replaced = new ArrayList<>();
    private final int listedReplaced;

    /**
     * ACLED re-sends every event it revises, so a long history holds tens of thousands of replaced
     * copies: each is counted per file, and the first ones are kept, with their reasons, to show
     * in Data_quality. Keeping all of them would let memory grow with the input.
     */
    public static final int LISTED_REPLACED = 1_000;

    public EventTally() {
        this(LISTED_REPLACED);
    }

    /** @param listedReplaced how many replaced copies to keep as rows (all are counted) */
    public EventTally(int listedReplaced) {
        this.listedReplaced = listedReplaced;
    }

    /** @param fatalities null when the row gave none */
    public void add(String eventId, long timestamp, String country, Period day, String eventType, Integer fatalities,
                    int fileNo, String fileName, long line) {
        int bucket = bucket(country, day.rollUpTo(Granularity.MONTH), eventType);
        int dead = fatalities == null ? UNKNOWN : fatalities;
        if (fileNo >= fileNames.length) {
            int n = Math.max(fileNo + 1, fileNames.length * 2);
            fileNames = Arrays.copyOf(fileNames, n);
            usedByFile = Arrays.copyOf(usedByFile, n);
            replacedByFile = Arrays.copyOf(replacedByFile, n);
        }
        if (fileNames[fileNo] == null) fileNames[fileNo] = fileName;
        int length = encode(eventId);
        int hash = hash(probe, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int before = (int) s - 1;
            if ((int) (s >>> 32) == hash && sameId(before, length)) {
                if (timestamp >= timestamps[before]) {
                    count(bucketOf[before], this.fatalities[before], fileNos[before], -1);
                    count(bucket, dead, fileNo, +1);
                    replace(eventId, fileNos[before], timestamps[before], lines[before], fileNo, timestamp, line);
                    timestamps[before] = timestamp;
                    bucketOf[before] = bucket;
                    this.fatalities[before] = dead;
                    fileNos[before] = fileNo;
                    lines[before] = line;
                } else {
                    replace(eventId, fileNo, timestamp, line, fileNos[before], timestamps[before], lines[before]);
                }
                return;
            }
        }
        int e = append(length, hash, timestamp, bucket, dead, fileNo, line);
        slots[slot] = (long) hash << 32 | (e + 1);
        count(bucket, dead, fileNo, +1);
        if (events * 2 > slots.length) {
            rehash();
        }
    }

    private int bucket(String country, Period month, String eventType) {
        int c = number(countryNumbers, country);
        int t = number(typeNumbers, eventType);
        // The month (or a coarser period a row already had) is its first month and its granularity.
        LocalDate start = month.start();
        long code = (((long) start.getYear() * 12 + start.getMonthValue() - 1) * 4 + month.granularity().ordinal())
                << 32 | c;
        int mask = bucketSlots.length / 2 - 1;
        int slot = bucketHash(code, t) & mask;
        for (long s; (s = bucketSlots[2 * slot + 1]) != 0; slot = (slot + 1) & mask) {
            if (bucketSlots[2 * slot] == code && (int) (s >>> 32) == t) {
                return (int) s - 1;
            }
        }
        int b = buckets.size();
        buckets.add(new BucketKey(country, eventType, month));
        bucketSlots[2 * slot] = code;
        bucketSlots[2 * slot + 1] = (long) t << 32 | (b + 1);
        if (bucketFigures.length < 3 * (b + 1)) {
            bucketFigures = Arrays.copyOf(bucketFigures, bucketFigures.length * 2);
        }
        if (buckets.size() * 4 > bucketSlots.length) {
            rehashBuckets();
        }
        return b;
    }

    /** Numbers names in the order they first come. */
    private static int number(Map<String, Integer> numbers, String name) {
        Integer n = numbers.get(name);
        if (n == null) {
            n = numbers.size();
            numbers.put(name, n);
        }
        return n;
    }

    /** A full mix of both numbers (splitmix64's finaliser): neighbouring months and countries must not cluster. */
    private static int bucketHash(long code, int type) {
        long h = (code + type * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
        h ^= h >>> 31;
        h *= 0x94D049BB133111EBL;
        return (int) (h ^ h >>> 32);
    }

    private void rehashBuckets() {
        long[] old = bucketSlots;
        bucketSlots = new long[old.length * 2];
        int mask = bucketSlots.length / 2 - 1;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i + 1] == 0) continue;
            int slot = bucketHash(old[i], (int) (old[i + 1] >>> 32)) & mask;
            while (bucketSlots[2 * slot + 1] != 0) slot = (slot + 1) & mask;
            bucketSlots[2 * slot] = old[i];
            bucketSlots[2 * slot + 1] = old[i + 1];
        }
    }

    private void count(int bucket, int dead, int fileNo, int sign) {
        bucketFigures[3 * bucket] += sign;
        if (dead == UNKNOWN) bucketFigures[3 * bucket + 2] += sign;
        else bucketFigures[3 * bucket + 1] += (long) sign * dead;
        usedByFile[fileNo] += sign;
    }


    private void replace(String eventId, int loserFile, long loserTimestamp, long loserLine, int winnerFile,
                         long winnerTimestamp, long winnerLine) {
        replacedByFile[loserFile]++;
        if (replaced.size() >= listedReplaced) return;
        replaced.add(new RejectedRow(fileNames[loserFile], loserLine,
                "event_id_cnty=" + eventId + " timestamp=" + loserTimestamp,
                "duplicate event " + eventId + ": replaced by " + fileNames[winnerFile] + " line " + winnerLine
                        + " (timestamp " + winnerTimestamp + " is not older)"));
    }

    /** The id's UTF-8 bytes into {@link #probe}; ids are nearly always ASCII, which needs no encoder. */
    private int encode(String id) {
        int n = id.length();
        if (probe.length < n) {
            probe = new byte[Math.max(n, probe.length * 2)];
        }
        for (int i = 0; i < n; i++) {
            char c = id.charAt(i);
            if (c >= 0x80) {
                byte[] utf8 = id.getBytes(StandardCharsets.UTF_8);
                if (probe.length < utf8.length) probe = new byte[utf8.length];
                System.arraycopy(utf8, 0, probe, 0, utf8.length);
                return utf8.length;
            }
            probe[i] = (byte) c;
        }
        return n;
    }

    private static int hash(byte[] bytes, int length) {
        int h = 1;
        for (int i = 0; i < length; i++) h = 31 * h + bytes[i];
        // Spread the low bits, which pick the slot.
        return h ^ (h >>> 16) ^ (h >>> 7);
    }

    private boolean sameId(int e, int length) {
        int start = idStart[e];
        int end = e + 1 < events ? idStart[e + 1] : idBytesUsed;
        return end - start == length && Arrays.equals(idBytes, start, end, probe, 0, length);
    }

    private int append(int length, int hash, long timestamp, int bucket, int dead, int fileNo, long line) {
        if (idBytes.length - idBytesUsed < length) {
            long grown = Math.max((long) idBytes.length * 2, (long) idBytesUsed + length);
            if (grown > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more event ids than one run can de-duplicate in memory");
            }
            idBytes = Arrays.copyOf(idBytes, (int) grown);
        }
        if (events == idStart.length) {
            int n = events * 2;
            idStart = Arrays.copyOf(idStart, n);
            timestamps = Arrays.copyOf(timestamps, n);
            bucketOf = Arrays.copyOf(bucketOf, n);
            fatalities = Arrays.copyOf(fatalities, n);
            fileNos = Arrays.copyOf(fileNos, n);
            lines = Arrays.copyOf(lines, n);
        }
        int e = events++;
        System.arraycopy(probe, 0, idBytes, idBytesUsed, length);
        idStart[e] = idBytesUsed;
        idBytesUsed += length;
        timestamps[e] = timestamp;
        bucketOf[e] = bucket;
        fatalities[e] = dead;
        fileNos[e] = fileNo;
        lines[e] = line;
        return e;
    }

    private void rehash() {
        long[] grown = new long[slots.length * 2];
        int mask = grown.length - 1;
        for (long s : slots) {
            if (s == 0) continue;
            int slot = (int) (s >>> 32) & mask;
            while (grown[slot] != 0) slot = (slot + 1) & mask;
            grown[slot] = s;
        }
        slots = grown;
    }

    public List<EventCount> counts() {
        List<EventCount> out = new ArrayList<>(buckets.size());
        for (int b = 0; b < buckets.size(); b++) {
            BucketKey k = buckets.get(b);
            if (bucketFigures[3 * b] > 0) {
                out.add(new EventCount(k.country(), k.month(), k.eventType(), bucketFigures[3 * b], bucketFigures[3 * b + 1],
                        bucketFigures[3 * b + 2]));
            }
        }
        out.sort(Comparator.comparing(EventCount::country).thenComparing(EventCount::month)
                .thenComparing(EventCount::eventType));
        return out;
    }

    /** Rows counted from this file (after later copies replaced some). */
    public int used(int fileNo) {
        return fileNo >= 0 && fileNo < usedByFile.length ? usedByFile[fileNo] : 0;
    }

    /** Rows of this file that another copy of the same event replaced. */
    public int replaced(int fileNo) {
        return fileNo >= 0 && fileNo < replacedByFile.length ? replacedByFile[fileNo] : 0;
    }

    /** The first {@link #LISTED_REPLACED} (or as constructed) replaced copies, in the order they were replaced. */
    public List<RejectedRow> replacedRows() {
        return replaced;
    }
}

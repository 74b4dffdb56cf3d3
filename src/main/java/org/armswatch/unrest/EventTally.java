package org.armswatch.unrest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.armswatch.input.RejectedRow;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;

/**
 * Counts ACLED events per country, month and event type while reading, so that no raw event is staged. The same
 * event_id_cnty seen again (overlapping exports, a revised event) is counted once: the row with the larger timestamp
 * wins, and on a tie the later row.
 *
 * <p>Memory does not grow with the input. Each row becomes a short record (id, timestamp, bucket, fatalities, file,
 * line) in one of {@link #PARTITIONS} partitions chosen by the id's hash, so that every copy of an event lands in the
 * same partition, in reading order. Past a memory budget the partitions go to spill files. When the reading is done,
 * each partition in turn is de-duplicated in a small table (parallel arrays, not objects), and the winners are counted.
 * Two million events need about 1/64 of their table at a time instead of 120 MB of heap.
 */
public final class EventTally implements AutoCloseable {

    private static final int UNKNOWN = -1;
    /** Marks a bucket's type as ACLED's civilian-targeting events of that type; no event type contains it. */
    private static final String TARGETED = "\u001Fcivilian targeting";
    /** Marks a bucket's type as events of illustrative rows (not real data); no event type contains it either. */
    private static final String ILLUSTRATIVE = "\u001Fillustrative";
    /** Partitions of the event ids; a power of two, chosen by the hash's top bits. */
    static final int PARTITIONS = 64;

    private static final int PARTITION_SHIFT = Integer.SIZE - Integer.numberOfTrailingZeros(PARTITIONS);
    /** Bytes of records kept in memory, over all partitions, before they go to the spill files. */
    public static final int DEFAULT_MEMORY_BUDGET = 4 << 20;
    /** file number, line, timestamp, bucket, fatalities, signature, id length; the id's bytes follow. */
    private static final int RECORD_HEAD = 4 + 8 + 8 + 4 + 4 + 8 + 2;

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

    // Rows as read, per partition: in memory up to the budget, then appended to the partition's spill file.
    private final byte[][] pending = new byte[PARTITIONS][];
    private final int[] pendingUsed = new int[PARTITIONS];
    private long pendingTotal;
    private final Path spillDirectory;
    private final int memoryBudget;
    private final boolean[] spilled = new boolean[PARTITIONS];
    private boolean settled;

    // The counted copy of each event of the partition being settled, indexed by event number: enough to take it
    // back out when a newer copy arrives. Reused from partition to partition.
    private int events;
    private byte[] idBytes = new byte[1 << 16];
    private int idBytesUsed;
    private int[] idStart = new int[1 << 12];
    private long[] timestamps = new long[1 << 12];
    private long[] signatures = new long[1 << 12];
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
    /**
     * Per file, the (country, month) cells it has events in: where two files overlap, the same event may hide under two
     * ids.
     */
    private BitSet[] cellsByFile = new BitSet[8];

    private final Map<String, Integer> cellNumbers = new HashMap<>();
    private int[] bucketCell = new int[256];
    private SameEventsUnderOtherIds sameEvents;
    /** Pairs of files (the lower number × 65,536 + the higher) that hold copies of one event id. */
    private final java.util.Set<Long> idsShared = new java.util.HashSet<>();
    /** The second pass of settle(): the tables are filled again, the figures are already counted. */
    private boolean recounting;

    private int[] usedByFile = new int[8];
    private int[] replacedByFile = new int[8];
    /** The replaced copies to list, the last by file and line on top, so that a copy listed earlier can make way. */
    private final PriorityQueue<Replaced> listed = new PriorityQueue<>(Comparator.reverseOrder());

    private final int listedReplaced;

    /**
     * ACLED re-sends every event it revises, so a long history holds tens of thousands of replaced copies: each is
     * counted per file, and the first ones by file and line are kept, with their reasons, to show in Data_quality.
     * Keeping all of them would let memory grow with the input.
     */
    public static final int LISTED_REPLACED = 1_000;

    /** A tally that keeps everything in memory (tests, small inputs). */
    public EventTally() {
        this(LISTED_REPLACED);
    }

    /** @param listedReplaced how many replaced copies to keep as rows (all are counted) */
    public EventTally(int listedReplaced) {
        this(listedReplaced, null, Integer.MAX_VALUE);
    }

    /**
     * @param spillDirectory where partitions go past the budget; created when first needed, its files removed by
     *     close()
     * @param memoryBudget bytes of rows held in memory before they are spilled
     */
    public EventTally(int listedReplaced, Path spillDirectory, int memoryBudget) {
        this.listedReplaced = listedReplaced;
        this.spillDirectory = spillDirectory;
        this.memoryBudget = spillDirectory == null ? Integer.MAX_VALUE : memoryBudget;
    }

    /** @param fatalities null when the row gave none */
    public void add(
            String eventId,
            long timestamp,
            String country,
            Period day,
            String eventType,
            Integer fatalities,
            int fileNo,
            String fileName,
            long line) {
        add(eventId, timestamp, country, day, eventType, false, false, fatalities, 0, fileNo, fileName, line);
    }

    /**
     * @param civiliansTargeted ACLED's civilian_targeting column says so: counted apart as well, as HDX counts it
     * @param illustrative the row is not real data ({@link org.armswatch.input.Illustrative})
     * @param fatalities null when the row gave none
     * @param signature what the event is ({@link EventSignature}): the same event under another id in another file has
     *     the same; 0 where none was made
     */
    public void add(
            String eventId,
            long timestamp,
            String country,
            Period day,
            String eventType,
            boolean civiliansTargeted,
            boolean illustrative,
            Integer fatalities,
            long signature,
            int fileNo,
            String fileName,
            long line) {
        if (settled) throw new IllegalStateException("the tally was already counted");
        // The flags travel in the bucket's type, so that a revised copy that drops one moves the event's count too.
        String typeKey = civiliansTargeted || illustrative
                ? eventType + (civiliansTargeted ? TARGETED : "") + (illustrative ? ILLUSTRATIVE : "")
                : eventType;
        int bucket = bucket(country, day.rollUpTo(Granularity.MONTH), typeKey);
        int dead = fatalities == null ? UNKNOWN : fatalities;
        if (fileNo >= fileNames.length) {
            int n = Math.max(fileNo + 1, fileNames.length * 2);
            fileNames = Arrays.copyOf(fileNames, n);
            cellsByFile = Arrays.copyOf(cellsByFile, n);
            usedByFile = Arrays.copyOf(usedByFile, n);
            replacedByFile = Arrays.copyOf(replacedByFile, n);
        }
        if (fileNames[fileNo] == null) fileNames[fileNo] = fileName;
        if (cellsByFile[fileNo] == null) cellsByFile[fileNo] = new BitSet();
        cellsByFile[fileNo].set(bucketCell[bucket]);
        int length = encode(eventId);
        if (length > Short.MAX_VALUE) throw new IllegalArgumentException("an event id of " + length + " bytes");
        // Mixed again, so that the partition's top bits do not follow the slot's low bits.
        int partition = hash(probe, length) * 0x9E3779B9 >>> PARTITION_SHIFT;
        byte[] to = room(partition, RECORD_HEAD + length);
        int at = pendingUsed[partition];
        at = putInt(to, at, fileNo);
        at = putLong(to, at, line);
        at = putLong(to, at, timestamp);
        at = putInt(to, at, bucket);
        at = putInt(to, at, dead);
        at = putLong(to, at, signature);
        to[at++] = (byte) (length >>> 8);
        to[at++] = (byte) length;
        System.arraycopy(probe, 0, to, at, length);
        at += length;
        pendingTotal += at - pendingUsed[partition];
        pendingUsed[partition] = at;
        if (pendingTotal > memoryBudget) spill();
    }

    private byte[] room(int partition, int bytes) {
        byte[] b = pending[partition];
        int used = pendingUsed[partition];
        if (b == null || b.length - used < bytes) {
            int size = Math.max(used + bytes, b == null ? 4096 : b.length * 2);
            b = b == null ? new byte[size] : Arrays.copyOf(b, size);
            pending[partition] = b;
        }
        return b;
    }

    private void spill() {
        try {
            Files.createDirectories(spillDirectory);
            for (int p = 0; p < PARTITIONS; p++) {
                if (pendingUsed[p] == 0) continue;
                try (OutputStream out = Files.newOutputStream(
                        spillFile(p),
                        StandardOpenOption.CREATE,
                        spilled[p] ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
                    out.write(pending[p], 0, pendingUsed[p]);
                }
                spilled[p] = true;
                pendingUsed[p] = 0;
            }
            pendingTotal = 0;
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot spill ACLED event ids to " + spillDirectory + ": " + e.getMessage(), e);
        }
    }

    private Path spillFile(int partition) {
        return spillDirectory.resolve("events-" + partition + ".bin");
    }

    /** Removes the spill files. */
    @Override
    public void close() {
        if (spillDirectory == null) return;
        for (int p = 0; p < PARTITIONS; p++) {
            try {
                Files.deleteIfExists(spillFile(p));
            } catch (IOException e) {
                // Left behind, it is overwritten by the next run and removed with the work folder.
            }
        }
    }

    /**
     * De-duplicates and counts every partition in turn, once, when the first result is asked for. Then, where two
     * exports cover the same cells and share no event id (two numberings: two vintages), a second pass over the same
     * partitions offers their winners to {@link SameEventsUnderOtherIds}: exports that share ids are one numbering (an
     * export and its revisions), in which an id tells events apart and a signature must not.
     */
    private void settle() {
        if (settled) return;
        settled = true;
        byte[] chunk = new byte[1 << 20];
        for (int p = 0; p < PARTITIONS; p++) settlePartition(p, chunk);
        sameEvents = new SameEventsUnderOtherIds(cellsByFile, fileNames, idsShared);
        if (sameEvents.looking()) {
            recounting = true;
            for (int p = 0; p < PARTITIONS; p++) {
                settlePartition(p, chunk);
                for (int e = 0; e < events; e++) {
                    if (signatures[e] == 0) continue;
                    int end = e + 1 < events ? idStart[e + 1] : idBytesUsed;
                    sameEvents.offer(
                            bucketCell[bucketOf[e]],
                            signatures[e],
                            fileNos[e],
                            bucketOf[e],
                            fatalities[e],
                            timestamps[e],
                            lines[e],
                            idBytes,
                            idStart[e],
                            end);
                }
            }
            recounting = false;
        }
        for (SameEventsUnderOtherIds.Match m : sameEvents.matches()) {
            count(m.bucket(), m.fatalities(), m.file(), -1);
            replacedByFile[m.file()]++;
            if (listedReplaced > 0) {
                Replaced r = new Replaced(
                        m.file(),
                        m.line(),
                        m.eventId(),
                        m.timestamp(),
                        m.keptFile(),
                        m.keptLine(),
                        m.keptTimestamp(),
                        m.keptId());
                if (listed.size() < listedReplaced) {
                    listed.add(r);
                } else if (listed.peek().compareTo(r) > 0) {
                    listed.poll();
                    listed.add(r);
                }
            }
        }
        for (int p = 0; p < PARTITIONS; p++) pending[p] = null;
        // The tables of the last partition are of no use any more.
        idBytes = new byte[0];
        idStart = new int[0];
        timestamps = lines = signatures = new long[0];
        bucketOf = fatalities = fileNos = new int[0];
        slots = new long[0];
    }

    /** De-duplicates one partition's records by id into the event tables (counting them, unless recounting). */
    private void settlePartition(int p, byte[] chunk) {
        events = 0;
        idBytesUsed = 0;
        Arrays.fill(slots, 0L);
        if (spilled[p]) settleSpilled(p, chunk);
        if (pendingUsed[p] > 0) settle(pending[p], 0, pendingUsed[p]);
    }

    private void settleSpilled(int partition, byte[] chunk) {
        try (InputStream in = Files.newInputStream(spillFile(partition))) {
            int kept = 0;
            for (int n; (n = in.readNBytes(chunk, kept, chunk.length - kept)) > 0; ) {
                int end = kept + n;
                int done = settle(chunk, 0, end);
                kept = end - done;
                System.arraycopy(chunk, done, chunk, 0, kept);
            }
            if (kept != 0) throw new IllegalStateException("a spill file of ACLED event ids ends inside a record");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back spilled ACLED event ids: " + e.getMessage(), e);
        }
    }

    /** Settles the whole records in from..to; returns where the first incomplete one begins. */
    private int settle(byte[] b, int from, int to) {
        int at = from;
        while (to - at >= RECORD_HEAD) {
            int length = (b[at + RECORD_HEAD - 2] & 0xFF) << 8 | (b[at + RECORD_HEAD - 1] & 0xFF);
            if (to - at < RECORD_HEAD + length) break;
            int fileNo = getInt(b, at);
            long line = getLong(b, at + 4);
            long timestamp = getLong(b, at + 12);
            int bucket = getInt(b, at + 20);
            int dead = getInt(b, at + 24);
            long signature = getLong(b, at + 28);
            if (probe.length < length) probe = new byte[Math.max(length, probe.length * 2)];
            System.arraycopy(b, at + RECORD_HEAD, probe, 0, length);
            settleOne(length, timestamp, bucket, dead, signature, fileNo, line);
            at += RECORD_HEAD + length;
        }
        return at;
    }

    private void settleOne(int length, long timestamp, int bucket, int dead, long signature, int fileNo, long line) {
        int hash = hash(probe, length);
        int mask = slots.length - 1;
        int slot = hash & mask;
        for (long s; (s = slots[slot]) != 0; slot = (slot + 1) & mask) {
            int before = (int) s - 1;
            if ((int) (s >>> 32) == hash && sameId(before, length)) {
                if (timestamp >= timestamps[before]) {
                    count(bucketOf[before], this.fatalities[before], fileNos[before], -1);
                    count(bucket, dead, fileNo, +1);
                    replace(length, fileNos[before], timestamps[before], lines[before], fileNo, timestamp, line);
                    timestamps[before] = timestamp;
                    bucketOf[before] = bucket;
                    this.fatalities[before] = dead;
                    signatures[before] = signature;
                    fileNos[before] = fileNo;
                    lines[before] = line;
                } else {
                    replace(length, fileNo, timestamp, line, fileNos[before], timestamps[before], lines[before]);
                }
                return;
            }
        }
        int e = append(length, hash, timestamp, bucket, dead, fileNo, line);
        signatures[e] = signature;
        slots[slot] = (long) hash << 32 | (e + 1);
        count(bucket, dead, fileNo, +1);
        if (events * 2 > slots.length) {
            rehash();
        }
    }

    private static int putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
        return at + 4;
    }

    private static int putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        return putInt(b, at + 4, (int) v);
    }

    private static int getInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    private static long getLong(byte[] b, int at) {
        return (long) getInt(b, at) << 32 | (getInt(b, at + 4) & 0xFFFFFFFFL);
    }

    private int bucket(String country, Period month, String eventType) {
        int c = number(countryNumbers, country);
        int t = number(typeNumbers, eventType);
        // The month (or a coarser period a row already had) is its first month and its granularity.
        LocalDate start = month.start();
        long code = (((long) start.getYear() * 12 + start.getMonthValue() - 1) * 4
                                + month.granularity().ordinal())
                        << 32
                | c;
        int mask = bucketSlots.length / 2 - 1;
        int slot = bucketHash(code, t) & mask;
        for (long s; (s = bucketSlots[2 * slot + 1]) != 0; slot = (slot + 1) & mask) {
            if (bucketSlots[2 * slot] == code && (int) (s >>> 32) == t) {
                return (int) s - 1;
            }
        }
        int b = buckets.size();
        buckets.add(new BucketKey(country, eventType, month));
        if (bucketCell.length <= b) bucketCell = Arrays.copyOf(bucketCell, bucketCell.length * 2);
        bucketCell[b] = number(cellNumbers, country + "|" + month.iso());
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
        if (recounting) return;
        bucketFigures[3 * bucket] += sign;
        if (dead == UNKNOWN) bucketFigures[3 * bucket + 2] += sign;
        else bucketFigures[3 * bucket + 1] += (long) sign * dead;
        usedByFile[fileNo] += sign;
    }

    /** A replaced copy that may be listed; ordered by file and line, which are unique to a copy. */
    /** @param winnerId the id of the copy kept where it is another (the same event under another id), else null */
    private record Replaced(
            int file,
            long line,
            String eventId,
            long timestamp,
            int winnerFile,
            long winnerLine,
            long winnerTimestamp,
            String winnerId)
            implements Comparable<Replaced> {
        @Override
        public int compareTo(Replaced o) {
            return file != o.file ? Integer.compare(file, o.file) : Long.compare(line, o.line);
        }
    }

    private void replace(
            int idLength,
            int loserFile,
            long loserTimestamp,
            long loserLine,
            int winnerFile,
            long winnerTimestamp,
            long winnerLine) {
        if (recounting) return;
        if (loserFile != winnerFile)
            idsShared.add(Math.min(loserFile, winnerFile) * 65_536L + Math.max(loserFile, winnerFile));
        replacedByFile[loserFile]++;
        if (listedReplaced == 0) return;
        if (listed.size() >= listedReplaced) {
            Replaced last = listed.peek();
            if (last.file() < loserFile || last.file() == loserFile && last.line() < loserLine) return;
            listed.poll();
        }
        listed.add(new Replaced(
                loserFile,
                loserLine,
                new String(probe, 0, idLength, StandardCharsets.UTF_8),
                loserTimestamp,
                winnerFile,
                winnerLine,
                winnerTimestamp,
                null));
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
            signatures = Arrays.copyOf(signatures, n);
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
        settle();
        List<EventCount> out = new ArrayList<>(buckets.size());
        for (int b = 0; b < buckets.size(); b++) {
            BucketKey k = buckets.get(b);
            if (bucketFigures[3 * b] > 0) {
                String type = k.eventType();
                boolean illustrative = type.endsWith(ILLUSTRATIVE);
                if (illustrative) type = type.substring(0, type.length() - ILLUSTRATIVE.length());
                boolean targeted = type.endsWith(TARGETED);
                if (targeted) type = type.substring(0, type.length() - TARGETED.length());
                out.add(new EventCount(
                        k.country(),
                        k.month(),
                        type,
                        targeted,
                        illustrative,
                        bucketFigures[3 * b],
                        bucketFigures[3 * b + 1],
                        bucketFigures[3 * b + 2]));
            }
        }
        out.sort(Comparator.comparing(EventCount::country)
                .thenComparing(EventCount::month)
                .thenComparing(EventCount::eventType)
                .thenComparing(EventCount::civiliansTargeted)
                .thenComparing(EventCount::illustrative));
        return out;
    }

    /** Per file number, the countries and months ({code, ISO month}) it holds events of. */
    public Map<Integer, List<String[]>> cellsByFile() {
        String[] cells = new String[cellNumbers.size()];
        cellNumbers.forEach((cell, n) -> cells[n] = cell);
        Map<Integer, List<String[]>> out = new java.util.TreeMap<>();
        for (int f = 0; f < cellsByFile.length; f++) {
            if (cellsByFile[f] == null) continue;
            List<String[]> list = new ArrayList<>();
            cellsByFile[f].stream().forEach(c -> list.add(cells[c].split("\\|")));
            out.put(f, list);
        }
        return out;
    }

    /** Where two exports cover the same countries and months, and how many of their events were found in both. */
    public List<SameEventsUnderOtherIds.Overlap> overlaps() {
        settle();
        return sameEvents.overlaps();
    }

    /** Rows counted from this file (after later copies replaced some). */
    public int used(int fileNo) {
        settle();
        return fileNo >= 0 && fileNo < usedByFile.length ? usedByFile[fileNo] : 0;
    }

    /** Rows of this file that another copy of the same event replaced. */
    public int replaced(int fileNo) {
        settle();
        return fileNo >= 0 && fileNo < replacedByFile.length ? replacedByFile[fileNo] : 0;
    }

    /**
     * The first {@link #LISTED_REPLACED} (or as constructed) replaced copies by file number and line, with their
     * reasons; replaced(fileNo) counts them all.
     */
    public List<RejectedRow> replacedRows() {
        settle();
        List<Replaced> in = new ArrayList<>(listed);
        in.sort(null);
        List<RejectedRow> rows = new ArrayList<>(in.size());
        for (Replaced r : in) {
            String reason = r.winnerId() == null
                    ? "duplicate event " + r.eventId() + ": replaced by " + fileNames[r.winnerFile()] + " line "
                            + r.winnerLine() + " (timestamp " + r.winnerTimestamp() + " is not older)"
                    : "the same event as " + r.winnerId() + " in " + fileNames[r.winnerFile()] + " line "
                            + r.winnerLine()
                            + " (same day, place, actors and fatalities, under another id): counted once, from that file";
            rows.add(new RejectedRow(
                    fileNames[r.file()],
                    r.line(),
                    "event_id_cnty=" + r.eventId() + " timestamp=" + r.timestamp(),
                    reason));
        }
        return rows;
    }
}

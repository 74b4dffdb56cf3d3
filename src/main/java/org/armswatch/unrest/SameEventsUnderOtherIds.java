package org.armswatch.unrest;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the events that two ACLED exports hold under different ids. Exports of different vintages number the same event
 * differently (the real-time feed's {@code 8000RTA} is {@code KEN5114} in a later country export), so de-duplicating by
 * id counts it twice. Where two files cover the same country and month, an event of one with the same
 * {@link EventSignature} (day, place, actors, fatalities) as an event of the other is the same event: it is counted
 * once, from the file that has more copies of it (ties: the newer timestamp, then the file read later). Event types are
 * not compared: ACLED renamed them between vintages (2016's "Riots/Protests" is now "Protests" or "Riots"), so
 * comparing them would let most such pairs through.
 *
 * <p>Only events in cells (country and month) that two files share are compared, and only up to {@link #MAX_COMPARED}
 * of them: beyond that the overlap is reported with its size, not matched.
 */
public final class SameEventsUnderOtherIds {

    /** Events in shared cells held for comparison at most: about 50 bytes each. */
    public static final int MAX_COMPARED = 300_000;

    /** An event counted once because another file holds it too, and the copy that is counted. */
    public record Match(
            int file,
            long line,
            String eventId,
            long timestamp,
            int bucket,
            int fatalities,
            int keptFile,
            long keptLine,
            String keptId,
            long keptTimestamp) {}

    /**
     * Two files that cover some of the same countries and months.
     *
     * @param eventsInShared events of each file in those cells (after de-duplication by id)
     * @param matched events of the first file counted once because the second holds them under another id, and the
     *     other way round
     * @param compared false when the shared cells held too many events to compare: none were matched
     */
    public record Overlap(
            int firstFile,
            int secondFile,
            String firstName,
            String secondName,
            int cells,
            long eventsInFirst,
            long eventsInSecond,
            long matchedFromFirst,
            long matchedFromSecond,
            boolean compared) {}

    private final BitSet shared = new BitSet();
    private final java.util.Set<Long> idsShared;
    private final BitSet[] cellsByFile;
    private final String[] fileNames;
    private int n;
    private long[] signature = new long[0];
    private int[] file = new int[0];
    private int[] bucket = new int[0];
    private int[] dead = new int[0];
    private int[] cell = new int[0];
    private long[] timestamp = new long[0];
    private long[] line = new long[0];
    private String[] id = new String[0];
    private boolean tooMany;
    private List<Match> matches;
    /** Per pair of files (first, second): events of each in their shared cells, and matched from each. */
    private final Map<Long, long[]> pairs = new TreeMap<>();

    /**
     * @param idsShared pairs of files (the lower number × 65,536 + the higher) that hold copies of one id: one
     *     numbering, whose events are told apart by id, never matched by signature
     */
    SameEventsUnderOtherIds(BitSet[] cellsByFile, String[] fileNames, java.util.Set<Long> idsShared) {
        this.cellsByFile = cellsByFile;
        this.fileNames = fileNames;
        this.idsShared = idsShared;
        for (int a = 0; a < cellsByFile.length; a++) {
            for (int b = a + 1; b < cellsByFile.length; b++) {
                if (cellsByFile[a] == null || cellsByFile[b] == null || sharesIds(a, b)) continue;
                BitSet both = (BitSet) cellsByFile[a].clone();
                both.and(cellsByFile[b]);
                shared.or(both);
            }
        }
    }

    /** Whether any two files share a cell: else nothing need be offered. */
    boolean looking() {
        return !shared.isEmpty();
    }

    /** An event as de-duplication by id left it; kept only if it is in a shared cell. */
    void offer(
            int cellOf,
            long sig,
            int fileNo,
            int bucketOf,
            int fatalities,
            long stamp,
            long lineNo,
            byte[] ids,
            int idFrom,
            int idTo) {
        if (!shared.get(cellOf)) return;
        for (int other = 0; other < cellsByFile.length; other++) {
            if (other == fileNo
                    || cellsByFile[other] == null
                    || !cellsByFile[other].get(cellOf)
                    || sharesIds(fileNo, other)) continue;
            pairs.computeIfAbsent(pair(fileNo, other), k -> new long[4])[fileNo < other ? 0 : 1]++;
        }
        if (tooMany) return;
        if (n == MAX_COMPARED) {
            tooMany = true;
            return;
        }
        if (n == signature.length) grow();
        signature[n] = sig;
        file[n] = fileNo;
        bucket[n] = bucketOf;
        dead[n] = fatalities;
        cell[n] = cellOf;
        timestamp[n] = stamp;
        line[n] = lineNo;
        id[n] = new String(ids, idFrom, idTo - idFrom, StandardCharsets.UTF_8);
        n++;
    }

    /** The events to count once, each with the copy that is counted; worked out once. */
    List<Match> matches() {
        if (matches != null) return matches;
        matches = new ArrayList<>();
        if (tooMany || n == 0) return matches;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        // Same signature in the same cell: the same event, wherever it stands.
        Arrays.sort(
                order,
                (a, b) -> signature[a] != signature[b]
                        ? Long.compare(signature[a], signature[b])
                        : cell[a] != cell[b] ? Integer.compare(cell[a], cell[b]) : Integer.compare(file[a], file[b]));
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && signature[order[to]] == signature[order[from]] && cell[order[to]] == cell[order[from]])
                to++;
            if (file[order[from]] != file[order[to - 1]]) settleGroup(order, from, to);
            from = to;
        }
        return matches;
    }

    /**
     * Copies of one event in several files: those of the file with most copies stay, the others are matched to them.
     */
    private void settleGroup(Integer[] order, int from, int to) {
        Map<Integer, int[]> copies = new TreeMap<>();
        for (int i = from; i < to; i++) copies.computeIfAbsent(file[order[i]], f -> new int[1])[0]++;
        // Files of one numbering among them: their events differ by id, whatever their signatures.
        for (int a : copies.keySet()) {
            for (int b : copies.keySet()) {
                if (a < b && sharesIds(a, b)) return;
            }
        }
        int keep = -1;
        long keepStamp = Long.MIN_VALUE;
        for (int i = from; i < to; i++) {
            int e = order[i];
            int f = file[e];
            if (keep < 0
                    || copies.get(f)[0] > copies.get(keep)[0]
                    || copies.get(f)[0] == copies.get(keep)[0]
                            && (timestamp[e] > keepStamp || timestamp[e] == keepStamp && f > keep)) {
                keep = f;
                keepStamp = timestamp[e];
            }
        }
        int kept = -1;
        for (int i = from; i < to; i++) {
            if (file[order[i]] == keep) {
                kept = order[i];
                break;
            }
        }
        for (int i = from; i < to; i++) {
            int e = order[i];
            if (file[e] == keep) continue;
            matches.add(new Match(
                    file[e],
                    line[e],
                    id[e],
                    timestamp[e],
                    bucket[e],
                    dead[e],
                    keep,
                    line[kept],
                    id[kept],
                    timestamp[kept]));
            pairs.computeIfAbsent(pair(file[e], keep), k -> new long[4])[file[e] < keep ? 2 : 3]++;
        }
    }

    List<Overlap> overlaps() {
        matches();
        List<Overlap> out = new ArrayList<>();
        pairs.forEach((key, v) -> {
            int a = (int) (key >>> 32);
            int b = (int) (long) key;
            BitSet both = (BitSet) cellsByFile[a].clone();
            both.and(cellsByFile[b]);
            out.add(new Overlap(
                    a, b, fileNames[a], fileNames[b], both.cardinality(), v[0], v[1], v[2], v[3], !tooMany));
        });
        return out;
    }

    private boolean sharesIds(int a, int b) {
        return idsShared.contains(Math.min(a, b) * 65_536L + Math.max(a, b));
    }

    private static long pair(int a, int b) {
        return (long) Math.min(a, b) << 32 | Math.max(a, b);
    }

    private void grow() {
        int size = Math.max(1024, signature.length * 2);
        signature = Arrays.copyOf(signature, size);
        file = Arrays.copyOf(file, size);
        bucket = Arrays.copyOf(bucket, size);
        dead = Arrays.copyOf(dead, size);
        cell = Arrays.copyOf(cell, size);
        timestamp = Arrays.copyOf(timestamp, size);
        line = Arrays.copyOf(line, size);
        id = Arrays.copyOf(id, size);
    }
}

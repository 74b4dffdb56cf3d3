package org.armswatch.unrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.armswatch.input.RejectedRow;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventTallyAgainstMapTest {

    private static Period day(String iso) {
        return new Period(Granularity.DAY, LocalDate.parse(iso));
    }

    @Test
    void aLaterTimestampReplacesTheCountedCopyAndAnOlderOneIsItselfReplaced() {
        EventTally tally = new EventTally(Integer.MAX_VALUE);
        tally.add("KAZ1", 100, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 2);
        tally.add("KAZ2", 100, "KZ", day("2022-01-06"), "Riots", null, 1, "a.csv", 3);
        tally.add("KAZ1", 200, "KZ", day("2022-02-01"), "Riots", 4, 2, "b.csv", 2);
        tally.add("KAZ2", 50, "KZ", day("2022-01-06"), "Riots", 9, 2, "b.csv", 3);

        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KZ", Period.ofIso("2022-01"), "Riots", false, 1, 0, 1),
                        new EventCount("KZ", Period.ofIso("2022-02"), "Riots", false, 1, 4, 0));
        assertThat(tally.used(1)).isEqualTo(1);
        assertThat(tally.replaced(1)).isEqualTo(1);
        assertThat(tally.used(2)).isEqualTo(1);
        assertThat(tally.replaced(2)).isEqualTo(1);
        assertThat(tally.replacedRows())
                .containsExactly(
                        new RejectedRow(
                                "a.csv",
                                2,
                                "event_id_cnty=KAZ1 timestamp=100",
                                "duplicate event KAZ1: replaced by b.csv line 2 (timestamp 200 is not older)"),
                        new RejectedRow(
                                "b.csv",
                                3,
                                "event_id_cnty=KAZ2 timestamp=50",
                                "duplicate event KAZ2: replaced by a.csv line 3 (timestamp 100 is not older)"));
    }

    @Test
    void onATieTheLaterRowWins() {
        EventTally tally = new EventTally(Integer.MAX_VALUE);
        tally.add("X1", 7, "KZ", day("2022-01-05"), "Protests", 1, 1, "a.csv", 2);
        tally.add("X1", 7, "TR", day("2022-01-05"), "Protests", 2, 1, "a.csv", 9);
        assertThat(tally.counts())
                .containsExactly(new EventCount("TR", Period.ofIso("2022-01"), "Protests", false, 1, 2, 0));
        assertThat(tally.replacedRows()).extracting(RejectedRow::line).containsExactly(2L);
    }

    /** Ids that differ only past ASCII, or only in length, are different events. */
    @Test
    void idsAreComparedWhole() {
        EventTally tally = new EventTally(Integer.MAX_VALUE);
        tally.add("Ä1", 1, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 2);
        tally.add("Ö1", 1, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 3);
        tally.add("A1", 1, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 4);
        tally.add("A10", 1, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 5);
        tally.add("", 1, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 6);
        tally.add("Ä1", 2, "KZ", day("2022-01-05"), "Protests", 0, 1, "a.csv", 7);
        assertThat(tally.counts())
                .singleElement()
                .extracting(EventCount::events)
                .isEqualTo(5L);
        assertThat(tally.replacedRows()).extracting(RejectedRow::line).containsExactly(2L);
    }

    /** The compact table against the plain map it replaced, over many ids (so the table grows) and many repeats. */
    @Test
    void agreesWithAPlainMapOverManyEvents() {
        Random random = new Random(42);
        EventTally tally = new EventTally(Integer.MAX_VALUE);
        PlainTally model = new PlainTally();
        String[] countries = {"KZ", "TR", "EG", "IN"};
        String[] types = {"Protests", "Riots", "Battles"};
        for (int row = 0; row < 60_000; row++) {
            String id = (random.nextInt(5) == 0 ? "Ü" : "E") + random.nextInt(30_000);
            long timestamp = random.nextInt(1000);
            String country = countries[random.nextInt(countries.length)];
            Period d =
                    day(LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3000)).toString());
            String type = new String(types[random.nextInt(types.length)]);
            Integer dead = random.nextInt(10) == 0 ? null : random.nextInt(20);
            int fileNo = 1 + random.nextInt(3);
            tally.add(id, timestamp, country, d, type, dead, fileNo, "f" + fileNo + ".csv", row + 2);
            model.add(id, timestamp, country, d, type, dead, fileNo, "f" + fileNo + ".csv", row + 2);
        }
        assertThat(tally.counts()).isEqualTo(model.counts());
        assertThat(tally.replacedRows()).isEqualTo(model.replacedByFileAndLine());
        for (int f = 1; f <= 3; f++) {
            assertThat(tally.used(f)).isEqualTo(model.file(f)[0]);
            assertThat(tally.replaced(f)).isEqualTo(model.file(f)[1]);
        }
        assertThat(tally.used(1) + tally.used(2) + tally.used(3))
                .isEqualTo(tally.counts().stream().mapToLong(EventCount::events).sum());
    }

    /**
     * Spilled to disk past a tiny budget, the tally counts, balances and lists exactly as in memory, and keeps the
     * first copies by file and line when it may list only some; close() leaves no spill file.
     */
    @Test
    void spilledPartitionsGiveTheSameResultAsMemory(@TempDir Path dir) throws Exception {
        Random random = new Random(7);
        Path spill = dir.resolve("spill");
        EventTally inMemory = new EventTally(150);
        EventTally spilled = new EventTally(150, spill, 4096);
        PlainTally model = new PlainTally();
        String[] countries = {"KZ", "TR", "EG"};
        for (int row = 0; row < 40_000; row++) {
            String id = (random.nextInt(7) == 0 ? "Ü" : "E") + random.nextInt(12_000);
            long timestamp = random.nextInt(500);
            String country = countries[random.nextInt(countries.length)];
            Period d =
                    day(LocalDate.of(2019, 1, 1).plusDays(random.nextInt(2000)).toString());
            Integer dead = random.nextInt(9) == 0 ? null : random.nextInt(30);
            int fileNo = 1 + random.nextInt(4);
            for (EventTally t : List.of(inMemory, spilled)) {
                t.add(id, timestamp, country, d, "Protests", dead, fileNo, "f" + fileNo + ".csv", row + 2);
            }
            model.add(id, timestamp, country, d, "Protests", dead, fileNo, "f" + fileNo + ".csv", row + 2);
        }
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files.count()).as("partitions spilled").isEqualTo(EventTally.PARTITIONS);
        }
        assertThat(spilled.counts()).isEqualTo(model.counts()).isEqualTo(inMemory.counts());
        for (int f = 1; f <= 4; f++) {
            assertThat(spilled.used(f)).isEqualTo(model.file(f)[0]);
            assertThat(spilled.replaced(f)).isEqualTo(model.file(f)[1]);
        }
        assertThat(model.replaced).hasSizeGreaterThan(150);
        assertThat(spilled.replacedRows())
                .isEqualTo(inMemory.replacedRows())
                .isEqualTo(model.replacedByFileAndLine().subList(0, 150));
        spilled.close();
        try (Stream<Path> files = Files.list(spill)) {
            assertThat(files).isEmpty();
        }
    }

    /** EventTally as it was before it kept events in arrays: one map entry per id. */
    private static final class PlainTally {
        private record Bucket(String country, Period month, String eventType) {}

        private record Counted(
                Bucket bucket, long timestamp, Integer fatalities, int fileNo, long line, String fileName) {}

        final Map<Bucket, long[]> buckets = new HashMap<>();
        final Map<String, Counted> events = new HashMap<>();
        final Map<Integer, int[]> files = new HashMap<>();
        final List<RejectedRow> replaced = new ArrayList<>();

        void add(
                String id,
                long timestamp,
                String country,
                Period day,
                String type,
                Integer dead,
                int fileNo,
                String fileName,
                long line) {
            Counted now = new Counted(
                    new Bucket(country, day.rollUpTo(Granularity.MONTH), type),
                    timestamp,
                    dead,
                    fileNo,
                    line,
                    fileName);
            Counted before = events.get(id);
            if (before == null) {
                count(now, 1);
                events.put(id, now);
            } else if (now.timestamp() >= before.timestamp()) {
                count(before, -1);
                count(now, 1);
                events.put(id, now);
                replace(id, before, now);
            } else {
                replace(id, now, before);
            }
        }

        int[] file(int fileNo) {
            return files.computeIfAbsent(fileNo, k -> new int[2]);
        }

        private void count(Counted c, int sign) {
            long[] b = buckets.computeIfAbsent(c.bucket(), k -> new long[3]);
            b[0] += sign;
            if (c.fatalities() == null) b[2] += sign;
            else b[1] += (long) sign * c.fatalities();
            file(c.fileNo())[0] += sign;
        }

        private void replace(String id, Counted loser, Counted winner) {
            file(loser.fileNo())[1]++;
            replaced.add(new RejectedRow(
                    loser.fileName(),
                    loser.line(),
                    "event_id_cnty=" + id + " timestamp=" + loser.timestamp(),
                    "duplicate event " + id + ": replaced by " + winner.fileName() + " line " + winner.line()
                            + " (timestamp " + winner.timestamp() + " is not older)"));
        }

        /** The tally lists replaced copies by file and line, whatever order they were replaced in. */
        List<RejectedRow> replacedByFileAndLine() {
            return replaced.stream()
                    .sorted(Comparator.comparing(RejectedRow::file).thenComparing(RejectedRow::line))
                    .toList();
        }

        List<EventCount> counts() {
            List<EventCount> out = new ArrayList<>();
            buckets.forEach((k, v) -> {
                if (v[0] > 0) out.add(new EventCount(k.country(), k.month(), k.eventType(), false, v[0], v[1], v[2]));
            });
            out.sort(Comparator.comparing(EventCount::country)
                    .thenComparing(EventCount::month)
                    .thenComparing(EventCount::eventType));
            return out;
        }
    }
}

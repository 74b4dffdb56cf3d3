package org.armswatch.unrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.armswatch.input.RejectedRow;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;

class EventTallyTest {

    private static final Period JAN = Period.ofIso("2022-01");
    private static final Period FEB = Period.ofIso("2022-02");

    private final EventTally tally = new EventTally();

    private void add(
            String id,
            long timestamp,
            String country,
            String day,
            String type,
            Integer fatalities,
            int fileNo,
            long line) {
        tally.add(
                id, timestamp, country, Period.ofIso(day), type, fatalities, fileNo, "events-" + fileNo + ".csv", line);
    }

    @Test
    void eventsOfOneMonthCountryAndTypeAreCountedAndTheirFatalitiesSummed() {
        add("KAZ1", 100, "KZ", "2022-01-05", "Protests", 0, 1, 2);
        add("KAZ2", 100, "KZ", "2022-01-31", "Protests", 3, 1, 3);
        add("KAZ3", 100, "KZ", "2022-01-06", "Riots", 8, 1, 4);
        add("KAZ4", 100, "KZ", "2022-02-01", "Protests", 1, 1, 5);

        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KZ", JAN, "Protests", false, 2, 3, 0),
                        new EventCount("KZ", JAN, "Riots", false, 1, 8, 0),
                        new EventCount("KZ", FEB, "Protests", false, 1, 1, 0));
        assertThat(tally.used(1)).isEqualTo(4);
        assertThat(tally.replaced(1)).isZero();
        assertThat(tally.replacedRows()).isEmpty();
    }

    @Test
    void aNewerCopyMovesTheEventToItsBucketEvenWhenMonthCountryAndTypeChanged() {
        add("KAZ1", 100, "KZ", "2022-01-05", "Protests", 2, 1, 2);
        add("KAZ2", 100, "KZ", "2022-01-06", "Protests", 3, 1, 3);
        add("KAZ1", 200, "KG", "2022-02-01", "Riots", 5, 2, 7);

        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KG", FEB, "Riots", false, 1, 5, 0),
                        new EventCount("KZ", JAN, "Protests", false, 1, 3, 0));
        assertThat(tally.used(1)).isEqualTo(1);
        assertThat(tally.replaced(1)).isEqualTo(1);
        assertThat(tally.used(2)).isEqualTo(1);
        assertThat(tally.replaced(2)).isZero();
        assertThat(tally.replacedRows())
                .containsExactly(new RejectedRow(
                        "events-1.csv",
                        2,
                        "event_id_cnty=KAZ1 timestamp=100",
                        "duplicate event KAZ1: replaced by events-2.csv line 7 (timestamp 200 is not older)"));
    }

    @Test
    void anOlderCopyArrivingLaterIsTheOneReplaced() {
        add("KAZ1", 200, "KZ", "2022-01-05", "Riots", 10, 1, 2);
        add("KAZ1", 100, "KZ", "2022-02-05", "Protests", 1, 2, 4);

        assertThat(tally.counts()).containsExactly(new EventCount("KZ", JAN, "Riots", false, 1, 10, 0));
        assertThat(tally.used(1)).isEqualTo(1);
        assertThat(tally.replaced(1)).isZero();
        assertThat(tally.used(2)).isZero();
        assertThat(tally.replaced(2)).isEqualTo(1);
        assertThat(tally.replacedRows()).singleElement().satisfies(r -> {
            assertThat(r.file()).isEqualTo("events-2.csv");
            assertThat(r.line()).isEqualTo(4);
            assertThat(r.reason())
                    .isEqualTo("duplicate event KAZ1: replaced by events-1.csv line 2 (timestamp 200 is not older)");
        });
    }

    @Test
    void onEqualTimestampsTheLaterRowWins() {
        add("KAZ1", 100, "KZ", "2022-01-05", "Protests", 1, 1, 2);
        add("KAZ1", 100, "KZ", "2022-01-05", "Protests", 4, 1, 9);

        assertThat(tally.counts()).containsExactly(new EventCount("KZ", JAN, "Protests", false, 1, 4, 0));
        assertThat(tally.used(1)).isEqualTo(1);
        assertThat(tally.replaced(1)).isEqualTo(1);
        assertThat(tally.replacedRows()).extracting(RejectedRow::line).containsExactly(2L);
    }

    @Test
    void aThirdCopyReplacesTheSecondAndEachFileBalances() {
        add("KAZ1", 100, "KZ", "2022-01-05", "Protests", 1, 1, 2);
        add("KAZ1", 300, "KZ", "2022-01-05", "Protests", 3, 2, 2);
        add("KAZ1", 200, "KZ", "2022-01-05", "Protests", 2, 3, 2);
        add("KAZ1", 400, "KZ", "2022-01-05", "Protests", 4, 3, 3);

        assertThat(tally.counts()).containsExactly(new EventCount("KZ", JAN, "Protests", false, 1, 4, 0));
        assertThat(List.of(tally.used(1), tally.used(2), tally.used(3))).containsExactly(0, 0, 1);
        assertThat(List.of(tally.replaced(1), tally.replaced(2), tally.replaced(3)))
                .containsExactly(1, 1, 1);
        assertThat(tally.replacedRows()).hasSize(3);
    }

    @Test
    void everyReplacedCopyIsCountedButOnlyTheFirstOnesAreKeptAsRows() throws Exception {
        EventTally few = new EventTally(2);
        for (int copy = 1; copy <= 5; copy++) {
            few.add(
                    "KAZ1",
                    copy * 100,
                    "KZ",
                    Period.parseEventDate("event_date", "2022-01-05"),
                    "Protests",
                    1,
                    1,
                    "events.csv",
                    copy + 1);
        }
        assertThat(few.replaced(1)).isEqualTo(4);
        assertThat(few.used(1)).isEqualTo(1);
        assertThat(few.replacedRows()).extracting(RejectedRow::line).containsExactly(2L, 3L);
    }

    @Test
    void anEventWithoutFatalitiesIsCountedApartNotAsZero() {
        add("KAZ1", 100, "KZ", "2022-01-05", "Riots", 4, 1, 2);
        add("KAZ2", 100, "KZ", "2022-01-06", "Riots", null, 1, 3);

        assertThat(tally.counts()).containsExactly(new EventCount("KZ", JAN, "Riots", false, 2, 4, 1));
    }

    @Test
    void aNewerCopyWithFatalitiesTakesTheEventOutOfTheUnknownOnes() {
        add("KAZ1", 100, "KZ", "2022-01-05", "Riots", null, 1, 2);
        add("KAZ1", 200, "KZ", "2022-01-05", "Riots", 6, 2, 2);
        add("KAZ2", 100, "KZ", "2022-01-05", "Riots", 2, 1, 3);
        add("KAZ2", 200, "KZ", "2022-01-05", "Riots", null, 2, 3);

        assertThat(tally.counts()).containsExactly(new EventCount("KZ", JAN, "Riots", false, 2, 6, 1));
    }

    @Test
    void countsComeSortedByCountryMonthAndTypeWhateverTheOrderOfTheRows() {
        add("E1", 1, "KZ", "2022-02-01", "Riots", 0, 1, 2);
        add("E2", 1, "KG", "2022-01-01", "Protests", 0, 1, 3);
        add("E3", 1, "KZ", "2022-01-09", "Riots", 0, 1, 4);
        add("E4", 1, "KZ", "2022-01-03", "Battles", 0, 1, 5);
        add("E5", 1, "AF", "2022-03-01", "Explosions/Remote violence", 0, 1, 6);

        EventTally reversed = new EventTally();
        reversed.add("E5", 1, "AF", Period.ofIso("2022-03-01"), "Explosions/Remote violence", 0, 1, "r.csv", 2);
        reversed.add("E4", 1, "KZ", Period.ofIso("2022-01-03"), "Battles", 0, 1, "r.csv", 3);
        reversed.add("E3", 1, "KZ", Period.ofIso("2022-01-09"), "Riots", 0, 1, "r.csv", 4);
        reversed.add("E2", 1, "KG", Period.ofIso("2022-01-01"), "Protests", 0, 1, "r.csv", 5);
        reversed.add("E1", 1, "KZ", Period.ofIso("2022-02-01"), "Riots", 0, 1, "r.csv", 6);

        assertThat(tally.counts())
                .extracting(c -> c.country() + " " + c.month().iso() + " " + c.eventType())
                .containsExactly(
                        "AF 2022-03 Explosions/Remote violence",
                        "KG 2022-01 Protests",
                        "KZ 2022-01 Battles",
                        "KZ 2022-01 Riots",
                        "KZ 2022-02 Riots");
        assertThat(reversed.counts()).isEqualTo(tally.counts());
    }

    @Test
    void anUnknownFileHasNothingUsedOrReplaced() {
        assertThat(tally.used(7)).isZero();
        assertThat(tally.replaced(7)).isZero();
        assertThat(tally.counts()).isEmpty();
    }

    private void add(String id, long timestamp, String day, String place, int fatalities, int fileNo, long line) {
        Period d = Period.ofIso(day);
        tally.add(
                id,
                timestamp,
                "KE",
                d,
                "Protests",
                false,
                false,
                fatalities,
                EventSignature.of("KE", d, place, "Protesters (Kenya)", "", fatalities),
                fileNo,
                "events-" + fileNo + ".csv",
                line);
    }

    @Test
    void twoVintagesThatShareNoIdCountAnEventOnceAndTheFileWithMoreCopiesStands() {
        // Nairobi on 5 January: two protests in the later export, one of them in the earlier, under another id.
        add("7001RTA", 0, "2022-01-05", "Nairobi", 0, 1, 2);
        add("7002RTA", 0, "2022-01-06", "Kisumu", 0, 1, 3);
        add("KEN101", 500, "2022-01-05", "Nairobi", 0, 2, 2);
        add("KEN102", 500, "2022-01-05", "Nairobi", 0, 2, 3);
        add("KEN103", 500, "2022-01-06", "Kisumu", 0, 2, 4);

        assertThat(tally.counts()).containsExactly(new EventCount("KE", JAN, "Protests", false, 3, 0, 0));
        assertThat(tally.used(1)).isZero();
        assertThat(tally.replaced(1)).isEqualTo(2);
        assertThat(tally.replacedRows())
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                2L,
                                "the same event as KEN101 in events-2.csv line 2 (same day, place,"
                                        + " actors and fatalities, under another id): counted once, from that file"),
                        org.assertj.core.groups.Tuple.tuple(
                                3L,
                                "the same event as KEN103 in events-2.csv line 4 (same day, place,"
                                        + " actors and fatalities, under another id): counted once, from that file"));
        assertThat(tally.overlaps()).singleElement().satisfies(o -> {
            assertThat(o.eventsInFirst()).isEqualTo(2);
            assertThat(o.eventsInSecond()).isEqualTo(3);
            assertThat(o.matchedFromFirst()).isEqualTo(2);
        });
    }

    @Test
    void anExportAndItsRevisionsShareIdsSoEventsThatLookAlikeStayApart() {
        // File 2 re-sends KEN101 (one numbering with file 1): then KEN102 in file 2 is another protest, not KEN100
        // again.
        add("KEN100", 100, "2022-01-05", "Nairobi", 0, 1, 2);
        add("KEN101", 100, "2022-01-06", "Kisumu", 0, 1, 3);
        add("KEN101", 200, "2022-01-06", "Kisumu", 0, 2, 2);
        add("KEN102", 200, "2022-01-05", "Nairobi", 0, 2, 3);

        assertThat(tally.counts()).containsExactly(new EventCount("KE", JAN, "Protests", false, 3, 0, 0));
        assertThat(tally.replaced(1)).isEqualTo(1);
        assertThat(tally.replaced(2)).isZero();
        assertThat(tally.overlaps()).isEmpty();
    }
}

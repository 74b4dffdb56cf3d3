package org.armswatch.unrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.Header;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventFileReaderTest {

    private static final Period JAN = Period.ofIso("2022-01");
    private static final Period FEB = Period.ofIso("2022-02");

    @TempDir
    Path dir;

    private final EventFileReader reader = new EventFileReader(CountryResolver.bundled());
    private final EventTally tally = new EventTally();
    private final List<RejectedRow> rejected = new ArrayList<>();

    static Path fixture(String name) {
        try {
            return Path.of(
                    EventFileReaderTest.class.getResource("/unrest/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    private EventFileReader.EventFile read(String fixture, int fileNo) throws InputFileException {
        return reader.read(InputScan.of(fixture(fixture)), fileNo, fixture, tally, rejected::add);
    }

    @Test
    void tellsAnAcledExportByItsHeader() throws Exception {
        assertThat(EventFileReader.isEventExport(new Header(
                        InputScan.of(fixture("acled-rejected-rows.csv")).header())))
                .isTrue();
        assertThat(EventFileReader.isEventExport(
                        new Header(InputScan.of(fixture("tally-bad-values-and-country-names.csv"))
                                .header())))
                .isFalse();
    }

    @Test
    void isoWinsOverTheCountryNameAndBothDateFormsAreRead() throws Exception {
        EventFileReader.EventFile file = read("acled-iso-wins-over-country.csv", 1);

        // KAZ1 says Kyrgyzstan but iso 398 (Kazakhstan); KAZ2 has no iso and is read by its name.
        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KZ", JAN, "Protests", false, 1, 0, 0),
                        new EventCount("KZ", JAN, "Riots", false, 2, 8, 1));
        assertThat(file.rowsRead()).isEqualTo(3);
        assertThat(file.rowsRejected()).isZero();
        assertThat(file.notes()).isEmpty();
        assertThat(rejected).isEmpty();
        assertThat(tally.used(1)).isEqualTo(3);
    }

    @Test
    void rejectsBadRowsWithReasonsAReporterCanActOn() throws Exception {
        EventFileReader.EventFile file = read("acled-rejected-rows.csv", 1);

        assertThat(rejected)
                .extracting(RejectedRow::file, RejectedRow::line, RejectedRow::reason)
                .containsExactly(
                        tuple("acled-rejected-rows.csv", 3L, "unknown country '999'"),
                        tuple("acled-rejected-rows.csv", 4L, "event_date '2022-13-01' is not a date"),
                        tuple("acled-rejected-rows.csv", 5L, "fatalities -1 is negative"),
                        tuple("acled-rejected-rows.csv", 6L, "fatalities 'many' is not a number"),
                        tuple("acled-rejected-rows.csv", 7L, "event_type is empty"));
        assertThat(rejected.get(0).raw()).startsWith("KAZ11,2022-01-05,").contains(",999,");
        assertThat(file.rowsRead()).isEqualTo(7);
        assertThat(file.rowsRejected()).isEqualTo(5);
        assertThat(tally.used(1)).isEqualTo(2);
        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KZ", JAN, "Protests", false, 1, 0, 0),
                        new EventCount("KZ", JAN, "Riots", false, 1, 3, 0));
    }

    @Test
    void aQuotedNoteWithCommasAndALineBreakKeepsLineNumbersRight() throws Exception {
        EventFileReader.EventFile file = read("acled-quoted-note-with-line-break.csv", 1);

        // The first record spans lines 2 and 3, so the bad record is on line 4.
        assertThat(rejected)
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(4L, "unknown country '999'"));
        assertThat(rejected.get(0).raw()).startsWith("KAZ21,");
        assertThat(file.rowsRead()).isEqualTo(3);
        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KZ", JAN, "Protests", false, 1, 0, 0),
                        new EventCount("KZ", JAN, "Riots", false, 1, 4, 0));
    }

    @Test
    void twoOverlappingExportsCountEachEventOnceAndEachFileReconciles() throws Exception {
        EventFileReader.EventFile january = read("acled-overlap-january-export.csv", 1);
        EventFileReader.EventFile revised = read("acled-overlap-revised-export.csv", 2);

        // KAZ31: the revision is newer and gives 10 fatalities where January had none.
        // KAZ32: the "revised" copy is older, so January's 2 fatalities stay.
        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("KZ", JAN, "Protests", false, 1, 0, 0),
                        new EventCount("KZ", JAN, "Riots", false, 2, 12, 0),
                        new EventCount("KZ", FEB, "Protests", false, 1, 0, 0));
        assertThat(rejected)
                .extracting(RejectedRow::file, RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple("acled-overlap-january-export.csv", 5L, "fatalities 'x' is not a number"));
        assertThat(tally.replacedRows())
                .extracting(RejectedRow::file, RejectedRow::line)
                .containsExactlyInAnyOrder(
                        tuple("acled-overlap-january-export.csv", 3L), tuple("acled-overlap-revised-export.csv", 3L));

        assertThat(List.of(january.rowsRead(), tally.used(1), january.rowsRejected(), tally.replaced(1)))
                .containsExactly(4, 2, 1, 1);
        assertThat(List.of(revised.rowsRead(), tally.used(2), revised.rowsRejected(), tally.replaced(2)))
                .containsExactly(3, 2, 0, 1);
        assertThat(january.rowsRead()).isEqualTo(tally.used(1) + january.rowsRejected() + tally.replaced(1));
        assertThat(revised.rowsRead()).isEqualTo(tally.used(2) + revised.rowsRejected() + tally.replaced(2));
    }

    @Test
    void withoutFatalitiesOrTimestampColumnsTheFileIsReadWithNotes() throws Exception {
        Path file = write(
                "no-fatalities.csv",
                "event_id_cnty,event_date,event_type,iso\n"
                        + "KAZ1,2022-01-05,Protests,398\n"
                        + "KAZ1,2022-01-05,Riots,398\n");

        EventFileReader.EventFile read = reader.read(InputScan.of(file), 1, "no-fatalities.csv", tally, rejected::add);

        assertThat(read.notes())
                .containsExactly(
                        "no-fatalities.csv: no fatalities column, so fatalities are not available [x]",
                        "no-fatalities.csv: no timestamp column, so of two copies of an event the later row wins");
        assertThat(tally.counts()).containsExactly(new EventCount("KZ", JAN, "Riots", false, 1, 0, 1));
    }

    @Test
    void aFileWithoutEventTypeFailsNamingTheFile() throws Exception {
        Path file = write(
                "acled-no-event-type.csv",
                "event_id_cnty,event_date,iso,country,fatalities,timestamp\n"
                        + "KAZ1,2022-01-05,398,Kazakhstan,0,1641600000\n");

        assertThatThrownBy(() -> reader.read(InputScan.of(file), 1, "acled-no-event-type.csv", tally, rejected::add))
                .isInstanceOf(InputFileException.class)
                .hasMessage("acled-no-event-type.csv: an ACLED export without the column(s) event_type");
    }

    @Test
    void aFileWithoutCountryOrIsoFailsNamingTheFile() throws Exception {
        Path file = write("acled-no-country.csv", "event_id_cnty,event_date,event_type\nKAZ1,2022-01-05,Protests\n");

        assertThatThrownBy(() -> reader.read(InputScan.of(file), 1, "acled-no-country.csv", tally, rejected::add))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("acled-no-country.csv: ")
                .hasMessageContaining("country or iso");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    /**
     * ACLED writes Kosovo with iso 0 (ISO gives it no number), iso3 XKX and its name. No public export with Kosovo's
     * rows was found to copy, so these rows are written here after ACLED's codebook, in the column layout of the real
     * 2019 export in src/test/resources/realfiles (with its iso3 column) and of the 2023 one (without). R's exports
     * write NA where a cell is empty, civilian_targeting among them.
     */
    @Test
    void kosovoIsReadFromIso3OrItsNameWhereIsoIsZero() throws Exception {
        Path withIso3 = dir.resolve("acled-2019-layout.csv");
        Files.writeString(
                withIso3,
                "data_id,iso,event_id_cnty,event_date,year,event_type,country,location,fatalities,timestamp,iso3\n"
                        + "1,0,XKX101,2022-01-05,2022,Protests,Kosovo,Pristina,0,1642185414,XKX\n"
                        + "2,0,XKX102,2022-01-06,2022,Riots,,Mitrovica,1,1642185414,XKX\n");
        Path withoutIso3 = dir.resolve("acled-2023-layout.csv");
        Files.writeString(
                withoutIso3,
                "event_id_cnty,event_date,event_type,civilian_targeting,iso,country,fatalities,timestamp\n"
                        + "XKX103,2022-01-07,Violence against civilians,Civilian targeting,0,Kosovo,2,1642185414\n"
                        + "XKX104,2022-01-08,Protests,NA,0,Kosovo,0,1642185414\n"
                        + "XKX105,2022-01-09,Protests,,0,,0,1642185414\n");
        reader.read(InputScan.of(withIso3), 1, "a.csv", tally, rejected::add);
        reader.read(InputScan.of(withoutIso3), 2, "b.csv", tally, rejected::add);

        assertThat(tally.counts())
                .containsExactly(
                        new EventCount("XK", JAN, "Protests", false, 2, 0, 0),
                        new EventCount("XK", JAN, "Riots", false, 1, 1, 0),
                        new EventCount("XK", JAN, "Violence against civilians", true, 1, 2, 0));
        assertThat(rejected)
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(tuple(4L, "iso is 0 and country is empty"));
    }
}

package org.armswatch.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LicenceFileReaderTest {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    @TempDir
    Path dir;

    private final LicenceFileReader reader = new LicenceFileReader(CountryResolver.bundled());

    private static Path fixture(String name) {
        try {
            return Path.of(
                    LicenceFileReaderTest.class.getResource("/licence/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(name, e);
        }
    }

    /** Reads a file and checks the one rule every file must keep: read = used + rejected + replaced. */
    private LicenceFile read(Path file) throws InputFileException {
        LicenceFile read = reader.read(InputScan.of(file), file.getFileName().toString());
        assertThat(read.reconciles()).as("%s reconciles", file.getFileName()).isTrue();
        return read;
    }

    private LicenceFile read(String fixture) throws InputFileException {
        return read(fixture(fixture));
    }

    private static BigDecimal eur(String value) {
        return new BigDecimal(value);
    }

    @Test
    void aGermanExcelFileWithItsSepLineGivesTheStoryFigureInEuros() throws Exception {
        Path file = Files.write(
                dir.resolve("excel-sep.csv"),
                ("sep=;\r\nexporter;destination;year;number of licences;value (eur);source\r\n"
                                + "Deutschland;Kasachstan;2021;25;2.200.000,00;Bundesregierung\r\n")
                        .getBytes(WINDOWS_1252));

        LicenceFile read = read(file);

        assertThat(read.figures()).singleElement().satisfies(f -> {
            assertThat(f.line()).isEqualTo(3);
            assertThat(f.destination()).isEqualTo("KZ");
            assertThat(f.licences()).isEqualTo(25L);
            assertThat(f.value()).isEqualByComparingTo("2200000");
        });
    }

    @Test
    void aUtf16FileIsReadByItsByteOrderMarkInEitherByteOrder() throws Exception {
        String text = "exporter\tdestination\tperiod\tlicences\tvalue_eur\tsource\r\n"
                + "DE\tTürkei\t2021\t25\t2200000\t\"Register, \u201cUnicode\u201d\"\r\n";
        for (Charset order : List.of(Charset.forName("UTF-16LE"), Charset.forName("UTF-16BE"))) {
            Path file = Files.write(dir.resolve("unicode-" + order.name() + ".csv"), ("\uFEFF" + text).getBytes(order));

            InputScan scan = InputScan.of(file);
            LicenceFile read = read(file);

            assertThat(scan.notes()).containsExactly(InputScan.UTF16);
            assertThat(scan.header()).startsWith("exporter", "destination");
            assertThat(read.figures()).singleElement().satisfies(f -> {
                assertThat(f.line()).isEqualTo(2);
                assertThat(f.destination()).isEqualTo("TR");
                assertThat(f.value()).isEqualByComparingTo("2200000");
                assertThat(f.source()).isEqualTo("Register, \u201cUnicode\u201d");
            });
            // The first look of a nightly run finds the same, without reading the whole file.
            assertThat(InputScan.head(file, org.armswatch.input.ReadingOptions.BY_CONTENT)
                            .header())
                    .isEqualTo(scan.header());
        }
    }

    @Test
    void readsTheStoryFigureThroughHeaderAliases() throws Exception {
        LicenceFile file = read("header-aliases-and-extra-column.csv");

        assertThat(file.figures())
                .containsExactly(
                        new LicenceFigure(
                                2,
                                "DE",
                                "KZ",
                                Period.ofIso("2021"),
                                "",
                                LicenceStatus.ISSUED,
                                25L,
                                eur("2200000"),
                                "EUR",
                                "",
                                "German government, as reported by dpa on 2022-01-08",
                                ""),
                        new LicenceFigure(
                                3,
                                "FR",
                                "KZ",
                                Period.ofIso("2021-Q3"),
                                "ML5",
                                LicenceStatus.REFUSED,
                                4L,
                                eur("1250000.50"),
                                "EUR",
                                "",
                                "Illustrative",
                                ""));
        assertThat(file.notes()).containsExactly("header-aliases-and-extra-column.csv: extra columns ignored: Remarks");
        assertThat(file.rowsRead()).isEqualTo(2);
    }

    @Test
    void aFileWithoutALicencesColumnHasNoCountsNotZeroCounts() throws Exception {
        LicenceFile file = read("values-only-no-licences-column.csv");

        assertThat(file.figures())
                .extracting(LicenceFigure::destination, LicenceFigure::licences, LicenceFigure::value)
                .containsExactly(tuple("EG", null, eur("12345678")), tuple("TR", null, eur("0")));
        assertThat(file.notes())
                .containsExactly(
                        "values-only-no-licences-column.csv: no licences column, so the number of licences is not available [x]");
    }

    @Test
    void anEmptyCellIsNotAvailableAndZeroIsZero() throws Exception {
        LicenceFile file = read("empty-cell-and-zero.csv");

        assertThat(file.figures())
                .extracting(f -> f.period().iso(), LicenceFigure::licences, LicenceFigure::value)
                .containsExactly(
                        tuple("2021-Q1", null, eur("500000")),
                        tuple("2021-Q2", 0L, eur("0")),
                        tuple("2021-Q3", 3L, null));
        assertThat(file.rejected()).isEmpty();
    }

    @Test
    void aGermanExcelFileInWindows1252WithSemicolonsAndDecimalCommasIsRead() throws Exception {
        Path file = dir.resolve("german-excel.csv");
        Files.write(
                file,
                ("exporter;Destination;Period;Licences;Value_EUR\r\n"
                                + "DE;Kasachstan;2021;25;2.200.000,00\r\n"
                                + "DE;Türkei;2021-Q3;3;1.234,5\r\n"
                                + "Österreich;Ägypten;2021-07;1;999\r\n")
                        .getBytes(WINDOWS_1252));

        LicenceFile read = read(file);

        // The bytes are really not UTF-8: the scan fell back to Windows-1252.
        assertThat(InputScan.of(file).notes()).containsExactly("not valid UTF-8: read as Windows-1252");
        assertThat(read.figures())
                .extracting(
                        LicenceFigure::exporter,
                        LicenceFigure::destination,
                        LicenceFigure::licences,
                        LicenceFigure::value)
                .containsExactly(
                        tuple("DE", "KZ", 25L, eur("2200000.00")),
                        tuple("DE", "TR", 3L, eur("1234.5")),
                        tuple("AT", "EG", 1L, eur("999")));
        assertThat(read.rejected()).isEmpty();
    }

    @Test
    void rowsWithTheSameKeyInOneFileAreAllKeptToBeSummed() throws Exception {
        LicenceFile file = read("same-key-in-one-file.csv");

        // Line 6 writes Egypt by name and leaves status empty (issued): the same key as line 2, and a licence of its
        // own.
        assertThat(file.figures())
                .extracting(LicenceFigure::line, LicenceFigure::destination, LicenceFigure::licences)
                .containsExactly(
                        tuple(2L, "EG", 5L),
                        tuple(3L, "EG", 2L),
                        tuple(4L, "EG", 1L),
                        tuple(5L, "IN", 7L),
                        tuple(6L, "EG", 6L));
        assertThat(file.replaced()).isEmpty();
        assertThat(file.rowsRead()).isEqualTo(5);
    }

    @Test
    void onlyARepeatedReferenceIsADuplicateAndTheLaterRowWins() throws Exception {
        LicenceFile file = read("duplicate-reference.csv");

        assertThat(file.figures())
                .extracting(
                        LicenceFigure::line, LicenceFigure::reference, LicenceFigure::value, LicenceFigure::currency)
                .containsExactly(
                        tuple(3L, "GB-2014-002", eur("1000"), "GBP"),
                        tuple(4L, "GB-2014-001", eur("3600"), "GBP"),
                        tuple(5L, "", eur("200"), "GBP"),
                        tuple(6L, "", eur("200"), "GBP"),
                        tuple(7L, "GB-2014-003", null, ""));
        assertThat(file.replaced())
                .containsExactly(new RejectedRow(
                        "duplicate-reference.csv",
                        2,
                        "GB-2014-001,GB,KZ,2014-09-22,1,3540,GBP,issued",
                        "duplicate reference 'GB-2014-001': replaced by line 4 (the later row wins)"));
        assertThat(file.rejected()).isEmpty();
    }

    @Test
    void theSameKeyInTwoFilesIsNotADuplicate() throws Exception {
        LicenceFile government = read("same-key-government.csv");
        LicenceFile parliament = read("same-key-parliament.csv");

        assertThat(government.figures()).singleElement().satisfies(f -> {
            assertThat(f.licences()).isEqualTo(25L);
            assertThat(f.source()).isEqualTo("German government via dpa");
        });
        assertThat(parliament.figures()).singleElement().satisfies(f -> {
            assertThat(f.licences()).isEqualTo(24L);
            assertThat(f.source()).isEqualTo("Parliamentary answer");
        });
        LicenceFigure g = government.figures().get(0);
        LicenceFigure p = parliament.figures().get(0);
        assertThat(List.of(g.exporter(), g.destination(), g.period(), g.category(), g.status()))
                .isEqualTo(List.of(p.exporter(), p.destination(), p.period(), p.category(), p.status()));
        assertThat(government.replaced()).isEmpty();
        assertThat(parliament.replaced()).isEmpty();
    }

    @Test
    void rejectsBadRowsWithReasonsAReporterCanActOn() throws Exception {
        LicenceFile file = read("rejected-rows.csv");

        assertThat(file.rejected())
                .extracting(RejectedRow::line, RejectedRow::reason)
                .containsExactly(
                        tuple(3L, "unknown country 'Kazakstn'"),
                        tuple(4L, "value_eur 'abc' is not a number"),
                        tuple(5L, "licences -3 is negative"),
                        tuple(6L, "period '2021-13' is not a month"),
                        tuple(7L, "neither licences nor value_eur is given"),
                        tuple(8L, "status 'pending' is not issued or refused"));
        assertThat(file.rejected()).allSatisfy(r -> assertThat(r.file()).isEqualTo("rejected-rows.csv"));
        assertThat(file.rejected().get(0).raw()).isEqualTo("SE,Kazakstn,2022-Q2,2,84000,issued");
        assertThat(file.figures())
                .extracting(LicenceFigure::line, LicenceFigure::status)
                .containsExactly(tuple(2L, LicenceStatus.ISSUED), tuple(9L, LicenceStatus.REFUSED));
        assertThat(file.rowsRead()).isEqualTo(8);
    }

    @Test
    void aValueNamedByItsAliasIsStillReportedAsValueEur() throws Exception {
        Path file = dir.resolve("alias-bad-value.csv");
        Files.writeString(file, "exporter,destination,period,Value (EUR)\nDE,KZ,2021,abc\n");

        assertThat(read(file).rejected())
                .extracting(RejectedRow::reason)
                .containsExactly("value_eur 'abc' is not a number");
    }

    @Test
    void aFileWithoutAPeriodColumnFailsNamingTheFile() {
        assertThatThrownBy(() -> read("no-period-column.csv"))
                .isInstanceOf(InputFileException.class)
                .hasMessage("no-period-column.csv: not a licence file, it lacks the column(s) period"
                        + " (header: exporter,destination,licences,value_eur)");
    }

    @Test
    void aFileWithoutExporterDestinationOrAnyFigureFailsNamingEachMissingColumn() throws Exception {
        Path file = dir.resolve("wrong-shape.csv");
        Files.writeString(file, "year,category\n2021,ML1\n");

        assertThatThrownBy(() -> read(file))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("wrong-shape.csv: not a licence file, it lacks the column(s) exporter, "
                        + "destination, licences or value_eur");
    }
}

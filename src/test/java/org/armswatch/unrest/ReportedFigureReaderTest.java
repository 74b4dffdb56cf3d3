package org.armswatch.unrest;

import static org.armswatch.unrest.EventFileReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashSet;
import java.util.Set;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.InputFileException;
import org.armswatch.input.InputScan;
import org.armswatch.input.RejectedRow;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;

class ReportedFigureReaderTest {

    private static final String BAD_VALUES = "tally-bad-values-and-country-names.csv";
    private static final Set<String> STANDARD = Set.copyOf(ReportedFigureReader.STANDARD_METRICS);

    private static ReportedFigureReader.TallyFile read(String fixture, Set<String> metrics) throws InputFileException {
        return new ReportedFigureReader(CountryResolver.bundled(), metrics)
                .read(InputScan.of(fixture(fixture)), 3, fixture);
    }

    @Test
    void readsTheStoryFigureWithItsQualifierBasisAndSource() throws Exception {
        ReportedFigureReader.TallyFile file = read(BAD_VALUES, STANDARD);

        assertThat(file.figures().get(0))
                .isEqualTo(new ReportedFigure(
                        3,
                        2,
                        "KZ",
                        Period.ofIso("2022-01-08"),
                        "",
                        "detained",
                        4_400,
                        Qualifier.AT_LEAST,
                        Basis.CUMULATIVE,
                        "Interior Ministry via state television",
                        "official",
                        "more than 4400 so far"));
        assertThat(file.figures().get(0).official()).isTrue();
    }

    @Test
    void resolvesCountryNamesCodesAndGermanNames() throws Exception {
        ReportedFigureReader.TallyFile file = read(BAD_VALUES, STANDARD);

        // Kazakhstan, Kasachstan, and the numeric code 398.
        assertThat(file.figures())
                .extracting(
                        ReportedFigure::line,
                        ReportedFigure::country,
                        ReportedFigure::region,
                        ReportedFigure::metric,
                        ReportedFigure::value,
                        ReportedFigure::qualifier,
                        ReportedFigure::basis,
                        ReportedFigure::sourceType)
                .containsExactly(
                        tuple(2L, "KZ", "", "detained", 4_400L, Qualifier.AT_LEAST, Basis.CUMULATIVE, "official"),
                        tuple(3L, "KZ", "Almaty", "injured", 120L, Qualifier.ABOUT, Basis.INCREMENTAL, "media"),
                        tuple(7L, "KZ", "", "events", 12L, Qualifier.EXACT, Basis.INCREMENTAL, "ngo"));
    }

    @Test
    void rejectsBadRowsWithReasonsAndReconciles() throws Exception {
        ReportedFigureReader.TallyFile file = read(BAD_VALUES, STANDARD);

        assertThat(file.rejected())
                .extracting(RejectedRow::file, RejectedRow::line, RejectedRow::reason)
                .containsExactly(
                        tuple(BAD_VALUES, 4L, "qualifier 'roughly' is not one of exact, at_least, about, up_to"),
                        tuple(BAD_VALUES, 5L, "basis 'weekly' is not cumulative or incremental"),
                        tuple(BAD_VALUES, 6L, "source_type 'blog' is not one of official, independent, ngo, media"),
                        tuple(
                                BAD_VALUES,
                                8L,
                                "metric 'arrested' is not one of detained, killed, injured, protesters, events"),
                        tuple(BAD_VALUES, 9L, "unknown country 'Kazakstn'"),
                        tuple(BAD_VALUES, 10L, "value -3 is negative"),
                        tuple(BAD_VALUES, 11L, "value is empty"),
                        tuple(BAD_VALUES, 12L, "date '2022-13-01' is not a date"),
                        tuple(
                                BAD_VALUES,
                                13L,
                                "metric 'evacuated' is not one of detained, killed, injured, protesters, events"));
        assertThat(file.rejected().get(0).raw()).isEqualTo("KAZ,2022-01-09,,killed,40,roughly,,Desk,media,");
        assertThat(file.rowsRead())
                .isEqualTo(12)
                .isEqualTo(file.figures().size() + file.rejected().size());
        assertThat(file.notes()).isEmpty();
    }

    @Test
    void aConfiguredExtraMetricIsAcceptedAndListedAfterTheStandardOnes() throws Exception {
        Set<String> metrics = new HashSet<>(STANDARD);
        metrics.add("evacuated");
        metrics.add("arrests");

        ReportedFigureReader.TallyFile file = read(BAD_VALUES, metrics);

        assertThat(file.figures())
                .extracting(ReportedFigure::line, ReportedFigure::metric, ReportedFigure::value)
                .contains(tuple(13L, "evacuated", 300L));
        assertThat(file.rejected())
                .filteredOn(r -> r.line() == 8L)
                .extracting(RejectedRow::reason)
                .containsExactly(
                        "metric 'arrested' is not one of detained, killed, injured, protesters, events, arrests, evacuated");
    }

    @Test
    void headerNamesInAnyCaseAndQualifierAndBasisWordsAreRead() throws Exception {
        Set<String> metrics = new HashSet<>(STANDARD);
        metrics.add("evacuated");

        ReportedFigureReader.TallyFile file = read("tally-extra-metric-and-header-case.csv", metrics);

        assertThat(file.rejected()).isEmpty();
        assertThat(file.figures())
                .extracting(
                        ReportedFigure::reportedOn,
                        ReportedFigure::metric,
                        ReportedFigure::value,
                        ReportedFigure::qualifier,
                        ReportedFigure::basis,
                        ReportedFigure::sourceType,
                        ReportedFigure::source)
                .containsExactly(
                        tuple(
                                Period.ofIso("2022-01"),
                                "evacuated",
                                300L,
                                Qualifier.AT_LEAST,
                                Basis.CUMULATIVE,
                                "official",
                                ""),
                        tuple(Period.ofIso("2022-Q1"), "detained", 9_900L, Qualifier.EXACT, Basis.INCREMENTAL, "", ""));
        assertThat(file.notes())
                .containsExactly("tally-extra-metric-and-header-case.csv: extra columns ignored: Reporter");
    }

    @Test
    void aFileWithoutADateColumnFailsNamingTheFile() {
        assertThatThrownBy(() -> read("tally-without-date-column.csv", STANDARD))
                .isInstanceOf(InputFileException.class)
                .hasMessageStartingWith("unrest/tally-without-date-column.csv: ")
                .hasMessageContaining("lacks date");
    }
}

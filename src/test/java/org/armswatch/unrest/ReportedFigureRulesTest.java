package org.armswatch.unrest;

import static org.armswatch.unrest.Basis.CUMULATIVE;
import static org.armswatch.unrest.Basis.INCREMENTAL;
import static org.armswatch.unrest.Qualifier.ABOUT;
import static org.armswatch.unrest.Qualifier.AT_LEAST;
import static org.armswatch.unrest.Qualifier.EXACT;
import static org.armswatch.unrest.Qualifier.UP_TO;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.junit.jupiter.api.Test;

class ReportedFigureRulesTest {

    private static final String MINISTRY = "Interior Ministry via state television";

    /** A figure from file 1, one line per figure in the order written, unless a test says otherwise. */
    private int nextLine = 2;

    private ReportedFigure figure(
            String date, String metric, long value, Qualifier q, Basis basis, String source, String sourceType) {
        return figure(1, nextLine++, "KZ", date, "", metric, value, q, basis, source, sourceType);
    }

    private static ReportedFigure figure(
            int fileNo,
            long line,
            String country,
            String date,
            String region,
            String metric,
            long value,
            Qualifier q,
            Basis basis,
            String source,
            String sourceType) {
        return new ReportedFigure(
                fileNo, line, country, Period.ofIso(date), region, metric, value, q, basis, source, sourceType, "");
    }

    private static ReportedTotal total(
            String period,
            String metric,
            Basis basis,
            String region,
            Long official,
            Qualifier officialQ,
            long highest,
            Qualifier highestQ,
            long lowest,
            Qualifier lowestQ,
            int sourceCount,
            String sources) {
        return new ReportedTotal(
                "KZ",
                Period.ofIso(period),
                metric,
                basis,
                region,
                official,
                officialQ,
                highest,
                highestQ,
                lowest,
                lowestQ,
                sourceCount,
                sources,
                null,
                null);
    }

    /** The official, highest and lowest figures only: the quoted ones have tests of their own. */
    private static ReportedTotal withoutQuotes(ReportedTotal t) {
        return new ReportedTotal(
                t.country(),
                t.period(),
                t.metric(),
                t.basis(),
                t.region(),
                t.official(),
                t.officialQualifier(),
                t.highest(),
                t.highestQualifier(),
                t.lowest(),
                t.lowestQualifier(),
                t.sourceCount(),
                t.sources(),
                null,
                null);
    }

    /** The rules must not depend on the order the rows come in: they sort by report date, file and line. */
    private static List<ReportedTotal> totals(List<ReportedFigure> figures, Granularity report) {
        List<ReportedFigure> reversed = new ArrayList<>(figures);
        Collections.reverse(reversed);
        List<ReportedTotal> totals = ReportedFigureRules.totals(reversed, report);
        assertThat(ReportedFigureRules.totals(figures, report)).isEqualTo(totals);
        return totals.stream().map(ReportedFigureRulesTest::withoutQuotes).toList();
    }

    @Test
    void cumulativeFiguresOfOneSourceAreNeverSummed() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-08", "detained", 4_400, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-11", "detained", 9_900, EXACT, CUMULATIVE, MINISTRY, "official"));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(total(
                        "2022-Q1", "detained", CUMULATIVE, "", 9_900L, EXACT, 9_900, EXACT, 9_900, EXACT, 1, MINISTRY));
    }

    @Test
    void theLatestReportOfASourceCountsEvenWhenItIsLowerThanAnEarlierOne() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-11", "killed", 225, AT_LEAST, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-15", "killed", 164, EXACT, CUMULATIVE, MINISTRY, "official"));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(
                        total("2022-Q1", "killed", CUMULATIVE, "", 164L, EXACT, 164, EXACT, 164, EXACT, 1, MINISTRY));
    }

    @Test
    void acrossSourcesOfficialIsTheLastOfficialReportHighestIsTheMaxLowestTheMin() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-07", "detained", 6_000, ABOUT, CUMULATIVE, "Prosecutor General", "official"),
                figure("2022-01-08", "detained", 4_400, AT_LEAST, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-09", "detained", 5_000, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-10", "detained", 12_000, UP_TO, CUMULATIVE, "Human rights NGO", "ngo"),
                figure("2022-01-12", "detained", 3_000, ABOUT, CUMULATIVE, "Foreign media", "media"));

        // The ministry's last report (9 Jan) is later than the prosecutor's (7 Jan): its 5,000 is the official
        // figure, although the prosecutor's 6,000 is higher and the media's later report is not official.
        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(total(
                        "2022-Q1",
                        "detained",
                        CUMULATIVE,
                        "",
                        5_000L,
                        EXACT,
                        12_000,
                        UP_TO,
                        3_000,
                        ABOUT,
                        4,
                        "Prosecutor General; " + MINISTRY + "; Human rights NGO; Foreign media"));
    }

    @Test
    void withoutAnOfficialSourceTheOfficialFigureIsNotAvailable() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-08", "killed", 40, AT_LEAST, CUMULATIVE, "Foreign media", "media"),
                figure("2022-01-09", "killed", 60, ABOUT, CUMULATIVE, "Human rights NGO", "ngo"),
                figure("2022-01-10", "killed", 50, EXACT, CUMULATIVE, "Unnamed", ""));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(total(
                        "2022-Q1",
                        "killed",
                        CUMULATIVE,
                        "",
                        null,
                        null,
                        60,
                        ABOUT,
                        40,
                        AT_LEAST,
                        3,
                        "Foreign media; Human rights NGO; Unnamed"));
    }

    @Test
    void incrementalFiguresAreSummedPerSourceWithinThePeriod() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-05", "injured", 120, EXACT, INCREMENTAL, "City hospitals", "media"),
                figure("2022-01-06", "injured", 80, EXACT, INCREMENTAL, "City hospitals", "media"),
                figure("2022-01-07", "injured", 15, EXACT, INCREMENTAL, "City hospitals", "media"),
                figure("2022-01-05", "injured", 150, EXACT, INCREMENTAL, "Health Ministry", "official"),
                figure("2022-01-06", "injured", 40, EXACT, INCREMENTAL, "Health Ministry", "official"));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(total(
                        "2022-Q1",
                        "injured",
                        INCREMENTAL,
                        "",
                        190L,
                        EXACT,
                        215,
                        EXACT,
                        190,
                        EXACT,
                        2,
                        "City hospitals; Health Ministry"));
    }

    @Test
    void aSumThatIncludesAnAtLeastFigureIsAtLeast() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-05", "injured", 120, EXACT, INCREMENTAL, "City hospitals", "media"),
                figure("2022-01-06", "injured", 30, AT_LEAST, INCREMENTAL, "City hospitals", "media"),
                figure("2022-01-07", "injured", 10, EXACT, INCREMENTAL, "City hospitals", "media"),
                figure("2022-01-05", "injured", 100, EXACT, INCREMENTAL, "Health Ministry", "official"),
                figure("2022-01-06", "injured", 50, ABOUT, INCREMENTAL, "Health Ministry", "official"));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(total(
                        "2022-Q1",
                        "injured",
                        INCREMENTAL,
                        "",
                        150L,
                        ABOUT,
                        160,
                        AT_LEAST,
                        150,
                        ABOUT,
                        2,
                        "City hospitals; Health Ministry"));
    }

    @Test
    void dayAndMonthReportsRollUpToMonthQuarterAndYear() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-08", "detained", 4_400, AT_LEAST, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-11", "detained", 9_900, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure("2022-03", "detained", 12_000, ABOUT, CUMULATIVE, MINISTRY, "official"),
                figure("2022-04-02", "detained", 13_000, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-05", "events", 7, EXACT, INCREMENTAL, "Desk count", ""),
                figure("2022-03", "events", 5, AT_LEAST, INCREMENTAL, "Desk count", ""),
                figure("2022-04-02", "events", 2, EXACT, INCREMENTAL, "Desk count", ""));

        assertThat(totals(figures, Granularity.MONTH))
                .containsExactly(
                        total(
                                "2022-01",
                                "detained",
                                CUMULATIVE,
                                "",
                                9_900L,
                                EXACT,
                                9_900,
                                EXACT,
                                9_900,
                                EXACT,
                                1,
                                MINISTRY),
                        total("2022-01", "events", INCREMENTAL, "", null, null, 7, EXACT, 7, EXACT, 1, "Desk count"),
                        total(
                                "2022-03",
                                "detained",
                                CUMULATIVE,
                                "",
                                12_000L,
                                ABOUT,
                                12_000,
                                ABOUT,
                                12_000,
                                ABOUT,
                                1,
                                MINISTRY),
                        total(
                                "2022-03",
                                "events",
                                INCREMENTAL,
                                "",
                                null,
                                null,
                                5,
                                AT_LEAST,
                                5,
                                AT_LEAST,
                                1,
                                "Desk count"),
                        total(
                                "2022-04",
                                "detained",
                                CUMULATIVE,
                                "",
                                13_000L,
                                EXACT,
                                13_000,
                                EXACT,
                                13_000,
                                EXACT,
                                1,
                                MINISTRY),
                        total("2022-04", "events", INCREMENTAL, "", null, null, 2, EXACT, 2, EXACT, 1, "Desk count"));
        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(
                        total(
                                "2022-Q1",
                                "detained",
                                CUMULATIVE,
                                "",
                                12_000L,
                                ABOUT,
                                12_000,
                                ABOUT,
                                12_000,
                                ABOUT,
                                1,
                                MINISTRY),
                        total(
                                "2022-Q1",
                                "events",
                                INCREMENTAL,
                                "",
                                null,
                                null,
                                12,
                                AT_LEAST,
                                12,
                                AT_LEAST,
                                1,
                                "Desk count"),
                        total(
                                "2022-Q2",
                                "detained",
                                CUMULATIVE,
                                "",
                                13_000L,
                                EXACT,
                                13_000,
                                EXACT,
                                13_000,
                                EXACT,
                                1,
                                MINISTRY),
                        total("2022-Q2", "events", INCREMENTAL, "", null, null, 2, EXACT, 2, EXACT, 1, "Desk count"));
        assertThat(totals(figures, Granularity.YEAR))
                .containsExactly(
                        total(
                                "2022",
                                "detained",
                                CUMULATIVE,
                                "",
                                13_000L,
                                EXACT,
                                13_000,
                                EXACT,
                                13_000,
                                EXACT,
                                1,
                                MINISTRY),
                        total(
                                "2022",
                                "events",
                                INCREMENTAL,
                                "",
                                null,
                                null,
                                14,
                                AT_LEAST,
                                14,
                                AT_LEAST,
                                1,
                                "Desk count"));
    }

    @Test
    void aReportDatedWithAYearStaysInItsYear() {
        List<ReportedFigure> figures = List.of(
                figure("2022", "detained", 10_000, AT_LEAST, CUMULATIVE, "Annual human rights report", "ngo"),
                figure("2022-01-08", "detained", 4_400, AT_LEAST, CUMULATIVE, MINISTRY, "official"));

        ReportedTotal yearly = total(
                "2022",
                "detained",
                CUMULATIVE,
                "",
                null,
                null,
                10_000,
                AT_LEAST,
                10_000,
                AT_LEAST,
                1,
                "Annual human rights report");
        assertThat(totals(figures, Granularity.MONTH))
                .containsExactly(
                        yearly,
                        total(
                                "2022-01",
                                "detained",
                                CUMULATIVE,
                                "",
                                4_400L,
                                AT_LEAST,
                                4_400,
                                AT_LEAST,
                                4_400,
                                AT_LEAST,
                                1,
                                MINISTRY));
        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(
                        yearly,
                        total(
                                "2022-Q1",
                                "detained",
                                CUMULATIVE,
                                "",
                                4_400L,
                                AT_LEAST,
                                4_400,
                                AT_LEAST,
                                4_400,
                                AT_LEAST,
                                1,
                                MINISTRY));
    }

    @Test
    void regionsMetricsBasesAndCountriesAreSeparateSeries() {
        List<ReportedFigure> figures = List.of(
                figure(1, 2, "KZ", "2022-01-08", "", "detained", 4_400, AT_LEAST, CUMULATIVE, MINISTRY, "official"),
                figure(
                        1,
                        3,
                        "KZ",
                        "2022-01-08",
                        "Almaty",
                        "detained",
                        2_000,
                        ABOUT,
                        CUMULATIVE,
                        "City police",
                        "official"),
                figure(
                        1,
                        4,
                        "KZ",
                        "2022-01-08",
                        "Mangystau",
                        "detained",
                        300,
                        EXACT,
                        CUMULATIVE,
                        "Regional news",
                        "media"),
                figure(1, 5, "KZ", "2022-01-09", "", "killed", 40, AT_LEAST, CUMULATIVE, MINISTRY, "official"),
                figure(1, 6, "KZ", "2022-01-09", "", "detained", 500, EXACT, INCREMENTAL, MINISTRY, "official"),
                figure(1, 7, "KG", "2022-01-09", "", "detained", 12, EXACT, CUMULATIVE, "Bishkek police", "official"));

        List<ReportedTotal> totals = totals(figures, Granularity.QUARTER);

        assertThat(totals)
                .extracting(
                        ReportedTotal::country,
                        ReportedTotal::metric,
                        ReportedTotal::basis,
                        ReportedTotal::region,
                        ReportedTotal::highest)
                .containsExactly(
                        tuple("KG", "detained", CUMULATIVE, "", 12L),
                        tuple("KZ", "detained", CUMULATIVE, "", 4_400L),
                        tuple("KZ", "detained", CUMULATIVE, "Almaty", 2_000L),
                        tuple("KZ", "detained", CUMULATIVE, "Mangystau", 300L),
                        tuple("KZ", "detained", INCREMENTAL, "", 500L),
                        tuple("KZ", "killed", CUMULATIVE, "", 40L));
        assertThat(totals).allSatisfy(t -> assertThat(t.sourceCount()).isEqualTo(1));
    }

    @Test
    void reportsOfOneSourceOnTheSameDateAreOrderedByFileThenLine() {
        List<ReportedFigure> figures = List.of(
                figure(2, 2, "KZ", "2022-01-10", "", "detained", 8_000, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure(1, 9, "KZ", "2022-01-10", "", "detained", 7_000, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure(1, 3, "KZ", "2022-01-10", "", "killed", 300, EXACT, CUMULATIVE, MINISTRY, "official"),
                figure(1, 7, "KZ", "2022-01-10", "", "killed", 200, EXACT, CUMULATIVE, MINISTRY, "official"));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(
                        total(
                                "2022-Q1",
                                "detained",
                                CUMULATIVE,
                                "",
                                8_000L,
                                EXACT,
                                8_000,
                                EXACT,
                                8_000,
                                EXACT,
                                1,
                                MINISTRY),
                        total("2022-Q1", "killed", CUMULATIVE, "", 200L, EXACT, 200, EXACT, 200, EXACT, 1, MINISTRY));
    }

    @Test
    void officialSourcesReportingOnTheSameDateAreOrderedByFileThenLine() {
        List<ReportedFigure> byFile = List.of(
                figure(
                        2,
                        2,
                        "KZ",
                        "2022-01-10",
                        "",
                        "detained",
                        8_000,
                        EXACT,
                        CUMULATIVE,
                        "Prosecutor General",
                        "official"),
                figure(1, 9, "KZ", "2022-01-10", "", "detained", 9_000, ABOUT, CUMULATIVE, MINISTRY, "official"));
        List<ReportedFigure> byLine = List.of(
                figure(
                        1,
                        8,
                        "KZ",
                        "2022-01-10",
                        "",
                        "detained",
                        8_000,
                        EXACT,
                        CUMULATIVE,
                        "Prosecutor General",
                        "official"),
                figure(1, 4, "KZ", "2022-01-10", "", "detained", 9_000, ABOUT, CUMULATIVE, MINISTRY, "official"));

        assertThat(totals(byFile, Granularity.QUARTER)).singleElement().satisfies(t -> {
            assertThat(t.official()).isEqualTo(8_000L);
            assertThat(t.officialQualifier()).isEqualTo(EXACT);
            assertThat(t.highest()).isEqualTo(9_000L);
        });
        assertThat(totals(byLine, Granularity.QUARTER))
                .singleElement()
                .extracting(ReportedTotal::official)
                .isEqualTo(8_000L);
    }

    @Test
    void reportsWithoutASourceAreOneSource() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-08", "detained", 4_400, EXACT, CUMULATIVE, "", ""),
                figure("2022-01-11", "detained", 9_900, EXACT, CUMULATIVE, "", ""));

        assertThat(totals(figures, Granularity.QUARTER))
                .containsExactly(total(
                        "2022-Q1",
                        "detained",
                        CUMULATIVE,
                        "",
                        null,
                        null,
                        9_900,
                        EXACT,
                        9_900,
                        EXACT,
                        1,
                        "(no source given)"));
    }

    @Test
    void noFiguresGiveNoTotals() {
        assertThat(ReportedFigureRules.totals(List.of(), Granularity.QUARTER)).isEmpty();
    }

    @Test
    void theStoryFigureFourThousandFourHundredPlusNineThousandNineHundredIsNotFourteenThousandThreeHundred() {
        List<ReportedFigure> figures = List.of(
                figure("2022-01-08", "detained", 4_400, AT_LEAST, CUMULATIVE, MINISTRY, "official"),
                figure("2022-01-11", "detained", 9_900, AT_LEAST, CUMULATIVE, MINISTRY, "official"));

        assertThat(totals(figures, Granularity.YEAR)).singleElement().satisfies(t -> {
            assertThat(t.period()).isEqualTo(Period.ofIso("2022"));
            assertThat(t.official()).isEqualTo(9_900L).isNotEqualTo(14_300L);
            assertThat(t.officialQualifier()).isEqualTo(AT_LEAST);
        });
    }

    /**
     * The story's figures as a desk quotes them: the lowest reported ("more than 4,400", the first state figure) and
     * the latest ("about 9,900"), each with its source and date; an illustrative source never, where a real one
     * reported.
     */
    @Test
    void theLowestAndTheLatestReportedAreQuotedWithSourceAndDateFromRealSources() {
        List<ReportedFigure> figures = List.of(
                figure(
                        1,
                        2,
                        "KZ",
                        "2022-01-08",
                        "",
                        "detained",
                        4_400,
                        AT_LEAST,
                        CUMULATIVE,
                        "Interior Ministry via state television",
                        "official"),
                figure(
                        1,
                        3,
                        "KZ",
                        "2022-01-11",
                        "",
                        "detained",
                        9_900,
                        ABOUT,
                        CUMULATIVE,
                        "Interior Ministry / presidential administration",
                        "official"),
                figure(
                        1,
                        4,
                        "KZ",
                        "2022-01-14",
                        "",
                        "detained",
                        12_000,
                        AT_LEAST,
                        CUMULATIVE,
                        "Illustrative: NGO (not real data)",
                        "ngo"),
                figure(
                        1,
                        5,
                        "KZ",
                        "2022-01-06",
                        "",
                        "detained",
                        3_000,
                        ABOUT,
                        CUMULATIVE,
                        "Illustrative: local media (not real data)",
                        "media"));
        ReportedTotal t =
                ReportedFigureRules.totals(figures, Granularity.QUARTER).get(0);
        assertThat(t.lowestReported())
                .isEqualTo(new ReportedTotal.Quoted(
                        4_400, AT_LEAST, "Interior Ministry via state television", Period.ofIso("2022-01-08"), false));
        assertThat(t.latestReported())
                .isEqualTo(new ReportedTotal.Quoted(
                        9_900,
                        ABOUT,
                        "Interior Ministry / presidential administration",
                        Period.ofIso("2022-01-11"),
                        false));
        // The range over all sources still shows the illustrative ones, in the Unrest sheet.
        assertThat(t.lowest()).isEqualTo(3_000);
        assertThat(t.highest()).isEqualTo(12_000);
    }

    @Test
    void whereEverySourceIsIllustrativeItsFigureIsQuotedAndMarked() {
        List<ReportedFigure> figures = List.of(
                figure(
                        1,
                        2,
                        "GE",
                        "2023-03-08",
                        "",
                        "detained",
                        66,
                        EXACT,
                        CUMULATIVE,
                        "Illustrative: police (not real data)",
                        "official"),
                figure(
                        1,
                        3,
                        "GE",
                        "2023-03-09",
                        "",
                        "detained",
                        133,
                        EXACT,
                        CUMULATIVE,
                        "Illustrative: police (not real data)",
                        "official"));
        ReportedTotal t =
                ReportedFigureRules.totals(figures, Granularity.QUARTER).get(0);
        assertThat(t.lowestReported().value()).isEqualTo(133);
        assertThat(t.lowestReported().illustrative()).isTrue();
        assertThat(t.latestReported()).isEqualTo(t.lowestReported());
    }
}

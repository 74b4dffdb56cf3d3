package org.armswatch.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static Period period(String text) throws PeriodFormatException {
        return Period.parse("period", text);
    }

    @Nested
    class Parsing {

        @Test
        void readsEveryForm() throws PeriodFormatException {
            assertThat(period("2022")).isEqualTo(new Period(Granularity.YEAR, LocalDate.of(2022, 1, 1)));
            assertThat(period("2022-Q3")).isEqualTo(new Period(Granularity.QUARTER, LocalDate.of(2022, 7, 1)));
            assertThat(period("2022-q4")).isEqualTo(new Period(Granularity.QUARTER, LocalDate.of(2022, 10, 1)));
            assertThat(period("2022-02")).isEqualTo(new Period(Granularity.MONTH, LocalDate.of(2022, 2, 1)));
            assertThat(period("2022-01-05")).isEqualTo(new Period(Granularity.DAY, LocalDate.of(2022, 1, 5)));
        }

        @Test
        void trimsTheText() throws PeriodFormatException {
            assertThat(period("  2021 ")).isEqualTo(period("2021"));
            assertThat(period("\t2021-Q1\r")).isEqualTo(period("2021-Q1"));
        }

        @Test
        void acceptsTheYearsAtEitherEndOfTheRange() throws PeriodFormatException {
            assertThat(period("1900").start()).isEqualTo(LocalDate.of(1900, 1, 1));
            assertThat(period("2100-12-31").start()).isEqualTo(LocalDate.of(2100, 12, 31));
        }

        @Test
        void knowsLeapDays() throws PeriodFormatException {
            assertThat(period("2020-02-29").start()).isEqualTo(LocalDate.of(2020, 2, 29));
            assertThat(period("2000-02-29").start()).isEqualTo(LocalDate.of(2000, 2, 29));
            assertThatThrownBy(() -> period("2021-02-29")).hasMessage("period '2021-02-29' is not a date");
            assertThatThrownBy(() -> period("1900-02-29")).hasMessage("period '1900-02-29' is not a date");
        }

        @Test
        void givesTheSameInstanceForTheSamePeriod() throws PeriodFormatException {
            assertThat(period("2022-01-05")).isSameAs(period("2022-01-05"));
            assertThat(period("2022-01")).isSameAs(period("2022-01"));
        }

        @ParameterizedTest
        @CsvSource(
                delimiter = '|',
                value = {
                    "2021-13    | period '2021-13' is not a month",
                    "2021-00    | period '2021-00' is not a month",
                    "2021-Q5    | period '2021-Q5' is not a quarter",
                    "2021-Q0    | period '2021-Q0' is not a quarter",
                    "2021-Q12   | period '2021-Q12' is not a quarter",
                    "2021-Q     | period '2021-Q' is not a quarter",
                    "2021-02-30 | period '2021-02-30' is not a date",
                    "2021-04-31 | period '2021-04-31' is not a date",
                    "2021-13-01 | period '2021-13-01' is not a date",
                    "2021-01-00 | period '2021-01-00' is not a date",
                    "0021       | period '0021' is out of range",
                    "1899-12    | period '1899-12' is out of range",
                    "2101-Q1    | period '2101-Q1' is out of range",
                    "2101-01-01 | period '2101-01-01' is out of range",
                })
        void rejectsWithAReasonAReporterCanActOn(String text, String reason) {
            assertThatThrownBy(() -> period(text))
                    .isInstanceOf(PeriodFormatException.class)
                    .hasMessage(reason);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "yesterday",
                    "22",
                    "2021-1",
                    "2021-1-5",
                    "2021/01/05",
                    "2021-",
                    "05 January 2022",
                    "2022-01-05T10:00",
                    "2021-01-5x",
                    "20211"
                })
        void namesTheFormsItReadsWhenTheShapeIsUnknown(String text) {
            assertThatThrownBy(() -> Period.parse("date", text))
                    .isInstanceOf(PeriodFormatException.class)
                    .hasMessage("date '" + text + "' is not a year, quarter, month or date "
                            + "(use YYYY, YYYY-Qn, YYYY-MM or YYYY-MM-DD)");
        }

        @Test
        void saysWhenThePeriodIsEmpty() {
            assertThatThrownBy(() -> period("")).hasMessage("period '' is empty");
            assertThatThrownBy(() -> period("   ")).hasMessage("period '' is empty");
            assertThatThrownBy(() -> period(null)).hasMessage("period '' is empty");
            assertThatThrownBy(() -> Period.parse("year", "")).hasMessage("year '' is empty");
        }
    }

    @Nested
    class EventDates {

        private Period eventDate(String text) throws PeriodFormatException {
            return Period.parseEventDate("event_date", text);
        }

        @Test
        void readsBothFormsOfAcled() throws PeriodFormatException {
            Period fifthOfJanuary = new Period(Granularity.DAY, LocalDate.of(2022, 1, 5));
            assertThat(eventDate("2022-01-05")).isEqualTo(fifthOfJanuary);
            assertThat(eventDate("05 January 2022")).isEqualTo(fifthOfJanuary);
            assertThat(eventDate("5 January 2022")).isEqualTo(fifthOfJanuary);
            assertThat(eventDate("5 JANUARY 2022")).isEqualTo(fifthOfJanuary);
            assertThat(eventDate("5 jan 2022")).isEqualTo(fifthOfJanuary);
            assertThat(eventDate(" 05 Jan 2022 ")).isEqualTo(fifthOfJanuary);
        }

        @ParameterizedTest
        @CsvSource({
            "1 February 2021, 2021-02-01",
            "28 Mar 2021, 2021-03-28",
            "30 april 2021, 2021-04-30",
            "31 May 2021, 2021-05-31",
            "1 Jun 2021, 2021-06-01",
            "15 July 2021, 2021-07-15",
            "31 Aug 2021, 2021-08-31",
            "30 September 2021, 2021-09-30",
            "30 Sep 2021, 2021-09-30",
            "1 October 2021, 2021-10-01",
            "30 Nov 2021, 2021-11-30",
            "31 December 2021, 2021-12-31",
            // As ACLED's exports of other years and spreadsheets wrote them (real files: acled.csv of
            // katehara/ACLED---Data-Mining,
            // RPanlilio/acled): hyphens, and two-digit years.
            "01-January-2015, 2015-01-01",
            "9-May-20, 2020-05-09",
            "5 January 22, 2022-01-05",
            "31-Dec-98, 1998-12-31",
        })
        void knowsEveryMonthByNameAndAbbreviation(String text, String iso) throws PeriodFormatException {
            assertThat(eventDate(text).iso()).isEqualTo(iso);
        }

        @Test
        void isAlwaysADay() throws PeriodFormatException {
            assertThat(eventDate("29 February 2020").granularity()).isEqualTo(Granularity.DAY);
            assertThat(eventDate("2020-02-29").granularity()).isEqualTo(Granularity.DAY);
        }

        @ParameterizedTest
        @ValueSource(
                strings = {
                    "31 Foo 2022",
                    "29 February 2021",
                    "31 April 2022",
                    "0 January 2022",
                    "32 January 2022",
                    "123 January 2022",
                    "January 2022",
                    "5 January",
                    "5 January 202",
                    "5January 2022",
                    "5 Sept 2022",
                    "2022-01",
                    "2022",
                    "2022-02-30",
                    "2022-1-5x",
                    "5 Ja 2022"
                })
        void rejectsWhatIsNotADate(String text) {
            assertThatThrownBy(() -> eventDate(text))
                    .isInstanceOf(PeriodFormatException.class)
                    .hasMessage("event_date '" + text + "' is not a date");
        }

        @Test
        void rejectsEmptyAndOutOfRangeDates() {
            assertThatThrownBy(() -> eventDate(" ")).hasMessage("event_date '' is empty");
            assertThatThrownBy(() -> eventDate("05 January 1899"))
                    .hasMessage("event_date '05 January 1899' is out of range");
            assertThatThrownBy(() -> eventDate("2222-01-05")).hasMessage("event_date '2222-01-05' is out of range");
        }
    }

    @Nested
    class Writing {

        @ParameterizedTest
        @CsvSource({
            "2022,       2022,            2022-12-31",
            "2022-Q1,    Jan to Mar 2022, 2022-03-31",
            "2022-Q2,    Apr to Jun 2022, 2022-06-30",
            "2022-Q3,    Jul to Sep 2022, 2022-09-30",
            "2022-Q4,    Oct to Dec 2022, 2022-12-31",
            "2022-01,    Jan 2022,        2022-01-31",
            "2024-02,    Feb 2024,        2024-02-29",
            "2022-01-05, 5 Jan 2022,      2022-01-05",
            "2022-12-25, 25 Dec 2022,     2022-12-25",
        })
        void writesIsoLabelAndEnd(String iso, String label, LocalDate end) throws PeriodFormatException {
            Period period = period(iso);
            assertThat(period.iso()).isEqualTo(iso);
            assertThat(period.label()).isEqualTo(label);
            assertThat(period.end()).isEqualTo(end);
        }

        @ParameterizedTest
        @ValueSource(strings = {"1900", "2100-Q4", "1999-12", "2020-02-29", "2021-10-01"})
        void readsBackWhatItWrote(String iso) {
            Period period = Period.ofIso(iso);
            assertThat(period.iso()).isEqualTo(iso);
            assertThat(Period.ofIso(period.iso())).isEqualTo(period);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "2021-13", "2021-q1", " 2021", "Jan 2022", "0021"})
        void refusesToReadBackWhatItCannotHaveWritten(String text) {
            assertThatThrownBy(() -> Period.ofIso(text)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void padsYearsSoTheIsoFormSorts() {
            assertThat(new Period(Granularity.YEAR, LocalDate.of(987, 1, 1)).iso())
                    .isEqualTo("0987");
            assertThat(new Period(Granularity.MONTH, LocalDate.of(12, 3, 1)).iso())
                    .isEqualTo("0012-03");
        }
    }

    @Nested
    class RollingUp {

        @Test
        void rollsADayUpToItsMonthQuarterAndYear() throws PeriodFormatException {
            Period day = period("2022-05-17");
            assertThat(day.rollUpTo(Granularity.MONTH)).isEqualTo(period("2022-05"));
            assertThat(day.rollUpTo(Granularity.QUARTER)).isEqualTo(period("2022-Q2"));
            assertThat(day.rollUpTo(Granularity.YEAR)).isEqualTo(period("2022"));
        }

        @Test
        void rollsAMonthUpToItsQuarterAndYear() throws PeriodFormatException {
            assertThat(period("2022-03").rollUpTo(Granularity.QUARTER)).isEqualTo(period("2022-Q1"));
            assertThat(period("2022-04").rollUpTo(Granularity.QUARTER)).isEqualTo(period("2022-Q2"));
            assertThat(period("2022-12").rollUpTo(Granularity.QUARTER)).isEqualTo(period("2022-Q4"));
            assertThat(period("2022-12").rollUpTo(Granularity.YEAR)).isEqualTo(period("2022"));
        }

        @Test
        void rollsAQuarterUpToItsYear() throws PeriodFormatException {
            assertThat(period("2021-Q4").rollUpTo(Granularity.YEAR)).isEqualTo(period("2021"));
        }

        @Test
        void neverSplitsACoarserFigure() throws PeriodFormatException {
            Period year = period("2021");
            assertThat(year.rollUpTo(Granularity.QUARTER)).isSameAs(year);
            assertThat(year.rollUpTo(Granularity.MONTH)).isSameAs(year);
            Period quarter = period("2021-Q2");
            assertThat(quarter.rollUpTo(Granularity.MONTH)).isSameAs(quarter);
            assertThat(quarter.rollUpTo(Granularity.QUARTER)).isSameAs(quarter);
            Period day = period("2021-05-05");
            assertThat(day.rollUpTo(Granularity.DAY)).isSameAs(day);
        }

        @Test
        void rollsUpPeriodsOutsideTheParsedYears() {
            Period day = new Period(Granularity.DAY, LocalDate.of(1850, 8, 9));
            assertThat(day.rollUpTo(Granularity.QUARTER))
                    .isEqualTo(new Period(Granularity.QUARTER, LocalDate.of(1850, 7, 1)));
        }
    }

    @Nested
    class Construction {

        @Test
        void insistsThatAPeriodStartsOnItsFirstDay() {
            assertThatThrownBy(() -> new Period(Granularity.MONTH, LocalDate.of(2022, 1, 2)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Period(Granularity.QUARTER, LocalDate.of(2022, 2, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Period(Granularity.YEAR, LocalDate.of(2022, 7, 1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(new Period(Granularity.QUARTER, LocalDate.of(2022, 10, 1)).end())
                    .isEqualTo(LocalDate.of(2022, 12, 31));
        }

        @Test
        void needsAGranularityAndAStart() {
            assertThatThrownBy(() -> new Period(null, LocalDate.of(2022, 1, 1)))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new Period(Granularity.DAY, null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Test
    void sortsByStartWithTheCoarserPeriodFirst() throws PeriodFormatException {
        List<Period> periods = new ArrayList<>(List.of(
                period("2022-02"),
                period("2022-01-01"),
                period("2021-12-31"),
                period("2022-Q1"),
                period("2022"),
                period("2022-01"),
                period("2021")));
        Collections.shuffle(periods, new java.util.Random(7));
        Collections.sort(periods);
        assertThat(periods)
                .extracting(Period::iso)
                .containsExactly("2021", "2021-12-31", "2022", "2022-Q1", "2022-01", "2022-01-01", "2022-02");
        assertThat(period("2022").compareTo(period("2022"))).isZero();
    }
}

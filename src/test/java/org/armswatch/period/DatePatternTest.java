package org.armswatch.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates as licence lists and exports write them, in the file's language, whatever the JVM's locale data. */
class DatePatternTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                // pattern | language | text | ISO date
                "dd-MMMM-yyyy | en | 15-March-2012 | 2012-03-15",
                "dd-MMMM-yyyy | en | 15-MARCH-2012 | 2012-03-15",
                "d MMMM yyyy | en | 5 September 2014 | 2014-09-05",
                "dd-MMM-yy | en | 30-Sep-14 | 2014-09-30",
                "dd-MMM-yy | en | 30-Sept-14 | 2014-09-30",
                "dd-MMM-yy | en | 02-Jan-98 | 1998-01-02",
                "dd.MM.yyyy | de | 04.01.2012 | 2012-01-04",
                "dd.MM.yy | de | 04.01.12 | 2012-01-04",
                "d. MMMM yyyy | de | 3. März 2021 | 2021-03-03",
                "d. MMMM yyyy | de | 3. Maerz 2021 | 2021-03-03",
                "d. MMMM yyyy | de | 3. MÄRZ 2021 | 2021-03-03",
                "dd-MMM-yyyy | de | 12-Okt-2020 | 2020-10-12",
                "dd-MMM-yyyy | de | 12-Dez.-2020 | 2020-12-12",
                "dd-MMM-yyyy | de | 01-Mrz-2020 | 2020-03-01",
                "d MMMM yyyy | fr | 1 février 2013 | 2013-02-01",
                "d MMMM yyyy | fr | 1 fevrier 2013 | 2013-02-01",
                "d MMM yyyy | fr | 14 juil. 2013 | 2013-07-14",
                "MMMM yyyy | en | July 2022 | 2022-07-01",
                "yyyy-MM | en | 2022-07 | 2022-07-01",
                "'Quarter' yyyy dd/MM | en | Quarter 2022 05/07 | 2022-07-05",
            })
    void readsTheDate(String pattern, String language, String text, String iso) throws Exception {
        assertThat(DatePattern.of(pattern, language).parse(text)).isEqualTo(LocalDate.parse(iso));
    }

    @Test
    void aPatternWithoutADayIsAMonthAndWithoutAMonthAYear() {
        assertThat(DatePattern.of("MMMM yyyy", "en").granularity()).isEqualTo(Granularity.MONTH);
        assertThat(DatePattern.of("yyyy", "en").granularity()).isEqualTo(Granularity.YEAR);
        assertThat(DatePattern.of("dd.MM.yyyy", "de").granularity()).isEqualTo(Granularity.DAY);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "dd.MM.yyyy | de | 31.02.2012 | '31.02.2012' is not a date",
                "dd.MM.yyyy | de | 2012-01-04 | is not a date written as dd.MM.yyyy",
                "d MMM yyyy | fr | 14 jui 2013 | 'jui' is not a month name in the file's language",
                "d MMMM yyyy | en | 1 Mai 2013 | 'Mai' is not a month name in the file's language",
                "dd-MMM-yy | en | 30-Sep-2014 | is not a date written as dd-MMM-yy",
            })
    void refusesWhatItCannotBeSureOf(String pattern, String language, String text, String reason) {
        assertThatThrownBy(() -> DatePattern.of(pattern, language).parse(text))
                .isInstanceOf(PeriodFormatException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void aPatternWithATimeOrWithoutAYearIsRefusedWhenConfigured() {
        assertThatThrownBy(() -> DatePattern.of("dd.MM.yyyy HH:mm", "de")).hasMessageContaining("'HH' is not one of");
        assertThatThrownBy(() -> DatePattern.of("dd.MM", "de")).hasMessageContaining("has no year");
    }
}

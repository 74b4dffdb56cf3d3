package org.armswatch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FigureParserTest {

    private static final FigureParser POINT =
            FigureParser.forDialect(new CsvDialect(',', StandardCharsets.UTF_8, false));
    private static final FigureParser COMMA =
            FigureParser.forDialect(new CsvDialect(';', StandardCharsets.UTF_8, true));

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2200000|2200000",
                "2200000.50|2200000.50",
                "2,200,000|2200000",
                "2,200,000.00|2200000.00",
                "'  2,200 '|2200",
                "12 000|12000",
                "0|0",
                "0.5|0.5",
                "+7|7",
                "-0|0",
                "123456789012345678901234|123456789012345678901234",
            })
    void decimalPointAmounts(String text, String expected) throws Exception {
        assertThat(POINT.amount("value_eur", text)).isEqualTo(new BigDecimal(expected));
    }

    /** SECO's list writes francs as " Fr. 492'552.00 "; others put the currency's sign or code before or after. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "\" Fr. 492'552.00 \"|CHF|492552.00",
                "CHF 1'000|CHF|1000",
                "1’234.50|CHF|1234.50",
                "£1,500|GBP|1500",
                "2,200,000 EUR|EUR|2200000",
                "€ 12|EUR|12",
                "$5,000|USD|5000",
                "GBP 7|GBP|7",
                "1'234'567|GBP|1234567"
            })
    void amountsMayBeMarkedWithTheirCurrency(String text, String currency, String expected) throws Exception {
        assertThat(POINT.amount("value", text, currency)).isEqualByComparingTo(expected);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "€ 12|GBP|value '€ 12' is marked €, but this row's values are in GBP",
                "Fr. 5|EUR|value 'Fr. 5' is marked Fr., but this row's values are in EUR",
                "100 USD|CHF|value '100 USD' is marked USD, but this row's values are in CHF",
                "1'23|CHF|value '1'23' is not a number"
            })
    void aMarkOfAnotherCurrencyIsRefused(String text, String currency, String reason) {
        assertThatThrownBy(() -> POINT.amount("value", text, currency))
                .isInstanceOf(FigureFormatException.class)
                .hasMessageStartingWith(reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2.200.000,00|2200000.00",
                "2200000,5|2200000.5",
                "2.200.000|2200000",
                "2.200|2200",
                "1.500,5|1500.5",
                "12 000,25|12000.25",
            })
    void decimalCommaAmounts(String text, String expected) throws Exception {
        assertThat(COMMA.amount("value_eur", text)).isEqualTo(new BigDecimal(expected));
    }

    @Test
    void blankIsNotAvailableNotZero() throws Exception {
        assertThat(POINT.amount("value_eur", "")).isNull();
        assertThat(POINT.amount("value_eur", "   ")).isNull();
        assertThat(POINT.amount("value_eur", null)).isNull();
        assertThat(COMMA.count("licences", " ")).isNull();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "abc|value_eur 'abc' is not a number",
                "1e400|value_eur '1e400' is not a number",
                "2.2E+06|value_eur '2.2E+06' is not a number",
                "1.2.3|value_eur '1.2.3' is not a number (in this file '.' is the decimal mark and ',' separates thousands)",
                "1,23,4|value_eur '1,23,4' is not a number (in this file '.' is the decimal mark and ',' separates thousands)",
                "2,5|value_eur '2,5' is not a number (in this file '.' is the decimal mark and ',' separates thousands)",
                "2.200.000,00|value_eur '2.200.000,00' is not a number (in this file '.' is the decimal mark and ',' separates thousands)",
                "12 00|value_eur '12 00' is not a number (digits must be grouped in threes)",
                "1 000,000|value_eur '1 000,000' is not a number (in this file '.' is the decimal mark and ',' separates thousands)",
                "€ 100|value_eur '€ 100' is not a number",
                "-|value_eur '-' is not a number",
                ".|value_eur '.' is not a number",
                "-3|value_eur -3 is negative",
                "-2,200.50|value_eur -2,200.50 is negative",
            })
    void decimalPointRejections(String text, String reason) {
        assertThatThrownBy(() -> POINT.amount("value_eur", text))
                .isInstanceOf(FigureFormatException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2.5|value_eur '2.5' is not a number (in this file ',' is the decimal mark and '.' separates thousands)",
                "2,200,000.00|value_eur '2,200,000.00' is not a number (in this file ',' is the decimal mark and '.' separates thousands)",
                "1,5,5|value_eur '1,5,5' is not a number (in this file ',' is the decimal mark and '.' separates thousands)",
            })
    void decimalCommaRejections(String text, String reason) {
        assertThatThrownBy(() -> COMMA.amount("value_eur", text))
                .isInstanceOf(FigureFormatException.class)
                .hasMessage(reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "25|25",
                "' 25 '|25",
                "4,400|4400",
                "25.00|25",
                "9223372036854775807|9223372036854775807",
                "000123|123",
            })
    void counts(String text, long expected) throws Exception {
        assertThat(POINT.count("licences", text)).isEqualTo(expected);
    }

    @Test
    void countsInADecimalCommaFile() throws Exception {
        assertThat(COMMA.count("licences", "4.400")).isEqualTo(4400L);
        assertThat(COMMA.count("licences", "25,00")).isEqualTo(25L);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "-3|licences -3 is negative",
                "2.5|licences '2.5' is not a whole number",
                "9223372036854775808|licences 9223372036854775808 is too large",
                "99,999,999,999,999,999,999|licences 99,999,999,999,999,999,999 is too large",
                "many|licences 'many' is not a number",
            })
    void countRejections(String text, String reason) {
        assertThatThrownBy(() -> POINT.count("licences", text))
                .isInstanceOf(FigureFormatException.class)
                .hasMessage(reason);
    }

    @Test
    void anAbsurdlyLongCellIsRefusedAndShownShort() {
        String digits = "9".repeat(5_000);

        assertThatThrownBy(() -> POINT.amount("value_eur", digits))
                .isInstanceOf(FigureFormatException.class)
                .hasMessage("value_eur " + "9".repeat(60) + "… is too large");
    }
}

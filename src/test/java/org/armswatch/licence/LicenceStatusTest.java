package org.armswatch.licence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LicenceStatusTest {

    /** A file without a status reports issued licences, so an empty cell is issued too. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|ISSUED",
                "issued|ISSUED",
                " Granted |ISSUED",
                "approved|ISSUED",
                "erteilt|ISSUED",
                "refused|REFUSED",
                "REFUSED|REFUSED",
                "denied|REFUSED",
                "rejected|REFUSED",
                "abgelehnt|REFUSED"
            })
    void readsTheWordsOfEnglishAndGermanTables(String text, LicenceStatus expected) {
        assertThat(LicenceStatus.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"pending", "revoked", "yes"})
    void refusesOtherWords(String text) {
        assertThat(LicenceStatus.parse(text)).isEmpty();
    }
}

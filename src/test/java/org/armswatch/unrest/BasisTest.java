package org.armswatch.unrest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class BasisTest {

    /** An empty cell is cumulative: a running total "so far" is what ministries usually announce. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|CUMULATIVE", "cumulative|CUMULATIVE", " Cumulative |CUMULATIVE", "total|CUMULATIVE",
                "so far|CUMULATIVE", "incremental|INCREMENTAL", "INCREMENTAL|INCREMENTAL", "new|INCREMENTAL",
                "daily|INCREMENTAL"
            })
    void readsTheWordsReportersUse(String text, Basis expected) {
        assertThat(Basis.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"weekly", "running", "sum", "so-far", "cumulated"})
    void refusesOtherWords(String text) {
        assertThat(Basis.parse(text)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Basis.class)
    void wordReadsBackAsTheSameBasis(Basis b) {
        assertThat(Basis.parse(b.word())).contains(b);
    }
}

package org.armswatch.unrest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class QualifierTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''|EXACT",
                "exact|EXACT",
                "  Exactly |EXACT",
                "at_least|AT_LEAST",
                "at least|AT_LEAST",
                "At-Least|AT_LEAST",
                "more than|AT_LEAST",
                "over|AT_LEAST",
                "min|AT_LEAST",
                "minimum|AT_LEAST",
                "about|ABOUT",
                "approx|ABOUT",
                "approximately|ABOUT",
                "around|ABOUT",
                "circa|ABOUT",
                "ca|ABOUT",
                "up_to|UP_TO",
                "up to|UP_TO",
                "UP-TO|UP_TO",
                "at most|UP_TO",
                "max|UP_TO",
                "maximum|UP_TO"
            })
    void readsTheWordsReportersUse(String text, Qualifier expected) {
        assertThat(Qualifier.parse(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"roughly", "ca.", "less than", "≥", "at_least_", "more"})
    void refusesWhatItDoesNotKnowRatherThanGuessing(String text) {
        assertThat(Qualifier.parse(text)).isEmpty();
    }

    /** Precedence as coded: AT_LEAST > ABOUT > UP_TO > EXACT, the same whichever side a qualifier is on. */
    @ParameterizedTest
    @CsvSource({
        "EXACT,EXACT,EXACT",
        "EXACT,UP_TO,UP_TO",
        "EXACT,ABOUT,ABOUT",
        "EXACT,AT_LEAST,AT_LEAST",
        "UP_TO,UP_TO,UP_TO",
        "UP_TO,ABOUT,ABOUT",
        "UP_TO,AT_LEAST,AT_LEAST",
        "ABOUT,ABOUT,ABOUT",
        "ABOUT,AT_LEAST,AT_LEAST",
        "AT_LEAST,AT_LEAST,AT_LEAST"
    })
    void aFigureBuiltFromTwoTakesTheWeakerQualifier(Qualifier a, Qualifier b, Qualifier expected) {
        assertThat(a.with(b)).isEqualTo(expected);
        assertThat(b.with(a)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Qualifier.class)
    void wordReadsBackAsTheSameQualifier(Qualifier q) {
        assertThat(Qualifier.ofWord(q.word())).isEqualTo(q);
        assertThat(Qualifier.parse(q.word())).contains(q);
    }

    @Test
    void noStoredWordIsExact() {
        assertThat(Qualifier.ofWord(null)).isEqualTo(Qualifier.EXACT);
    }
}

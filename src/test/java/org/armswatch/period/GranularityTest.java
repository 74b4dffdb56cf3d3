package org.armswatch.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GranularityTest {

    @Test
    void readsTheReportOptionsInAnyCaseAndWithSpaces() {
        assertThat(Granularity.ofReportOption("month")).isEqualTo(Granularity.MONTH);
        assertThat(Granularity.ofReportOption("Quarter")).isEqualTo(Granularity.QUARTER);
        assertThat(Granularity.ofReportOption(" YEAR ")).isEqualTo(Granularity.YEAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"day", "week", "quarterly", "q", "2022"})
    void rejectsAnythingButMonthQuarterOrYear(String option) {
        assertThatThrownBy(() -> Granularity.ofReportOption(option))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period '" + option + "' is not allowed: use month, quarter or year");
    }

    @Test
    void rejectsAnEmptyOrMissingOption() {
        assertThatThrownBy(() -> Granularity.ofReportOption("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period '' is not allowed: use month, quarter or year");
        assertThatThrownBy(() -> Granularity.ofReportOption(null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("period '' is not allowed: use month, quarter or year");
    }

    @Test
    void ordersFinenessFromDayToYear() {
        assertThat(Granularity.DAY.isFinerThan(Granularity.MONTH)).isTrue();
        assertThat(Granularity.MONTH.isFinerThan(Granularity.QUARTER)).isTrue();
        assertThat(Granularity.QUARTER.isFinerThan(Granularity.YEAR)).isTrue();
        assertThat(Granularity.DAY.isFinerThan(Granularity.YEAR)).isTrue();
        assertThat(Granularity.YEAR.isFinerThan(Granularity.QUARTER)).isFalse();
        assertThat(Granularity.MONTH.isFinerThan(Granularity.DAY)).isFalse();
        assertThat(Granularity.QUARTER.isFinerThan(Granularity.QUARTER)).isFalse();
    }
}

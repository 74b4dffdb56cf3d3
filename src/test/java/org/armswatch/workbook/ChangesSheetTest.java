package org.armswatch.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.armswatch.aggregate.Figure;
import org.armswatch.unrest.Qualifier;
import org.junit.jupiter.api.Test;

class ChangesSheetTest {

    @Test
    void aDifferenceWithAnIllustrativeSideIsIllustrativeAndAFloorMakesItAbout() {
        Figure real = new Figure(BigDecimal.valueOf(100), Qualifier.EXACT);
        Figure made = new Figure(BigDecimal.valueOf(150), Qualifier.EXACT, true);
        assertThat(ChangesSheet.difference(real, made))
                .isEqualTo(new Figure(BigDecimal.valueOf(50), Qualifier.EXACT, true));
        assertThat(ChangesSheet.difference(made, real).illustrative()).isTrue();
        assertThat(ChangesSheet.difference(real, real))
                .isEqualTo(new Figure(BigDecimal.valueOf(0), Qualifier.EXACT, false));
        Figure floor = new Figure(BigDecimal.valueOf(120), Qualifier.AT_LEAST);
        assertThat(ChangesSheet.difference(real, floor).qualifier()).isEqualTo(Qualifier.ABOUT);
        assertThat(ChangesSheet.difference(null, real)).isNull();
    }
}

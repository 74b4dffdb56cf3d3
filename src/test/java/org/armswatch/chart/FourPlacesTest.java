package org.armswatch.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The SVG coordinates must read exactly as Batik's DecimalFormat wrote them. */
class FourPlacesTest {

    private static final DecimalFormat BATIK = new DecimalFormat("#.####", DecimalFormatSymbols.getInstance(Locale.US));

    @Test
    void formatsAsDecimalFormatDoesOverAllMagnitudesSignsAndTies() {
        FourPlaces fast = new FourPlaces();
        Random random = new Random(11);
        int fastPath = 0;
        for (int i = 0; i < 400_000; i++) {
            double v = switch (i % 5) {
                case 0 -> random.nextDouble() * 1000;
                case 1 -> (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(16) - 6);
                case 2 -> random.nextInt(2_000_000) / 10_000.0 + (random.nextBoolean() ? 0.00005 : -0.00005);
                case 3 -> Math.round(random.nextDouble() * 1e6) / 100.0 * (random.nextBoolean() ? 1 : -1);
                default -> (float) (random.nextDouble() * 640);
            };
            assertThat(fast.format(v)).as("%s", v).isEqualTo(BATIK.format(v));
            if (FourPlaces.text(v) != null) fastPath++;
        }
        for (double v : new double[] {
            0.5,
            -0.5,
            -0.00001,
            0.00001,
            0.00005,
            0.00015,
            1.23445,
            12345678.12345,
            99999999.99999,
            0.0,
            -0.0,
            1e8,
            -1e9,
            Double.NaN,
            Double.POSITIVE_INFINITY,
            1e-300
        }) {
            assertThat(fast.format(v)).as("%s", v).isEqualTo(BATIK.format(v));
        }
        assertThat(fastPath).as("numbers that took the fast path").isGreaterThan(300_000);
    }
}

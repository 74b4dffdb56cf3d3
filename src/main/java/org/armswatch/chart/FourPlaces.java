package org.armswatch.chart;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.util.Locale;

/**
 * Batik's number format for SVG coordinates at precision 4 ({@code "#.####"}, US symbols), with the same text and
 * without DecimalFormat's digit list for nearly every number. Batik formats every point of every path through it:
 * DecimalFormat was more than 40 % of drawing the run's charts. A number within a thousandth of a rounding tie goes to
 * DecimalFormat itself, whose rounding there is its own.
 */
final class FourPlaces extends DecimalFormat {

    private static final long SCALE = 10_000;

    FourPlaces() {
        super("#.####", DecimalFormatSymbols.getInstance(Locale.US));
    }

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition position) {
        String text = text(value);
        return text == null ? super.format(value, to, position) : to.append(text);
    }

    /** The formatted number, or null where only DecimalFormat can say. */
    static String text(double value) {
        double x = Math.abs(value);
        // Below 1e8, x × 10,000 is off by less than 2e-4 from the exact product: a tie is never mistaken.
        if (!(x < 1e8)) return null;
        double scaled = x * SCALE;
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) < 1e-3) return null;
        long rounded = (long) floor + (fraction > 0.5 ? 1 : 0);
        StringBuilder s = new StringBuilder(16);
        // DecimalFormat keeps the sign of a negative number that rounds to zero: "-0".
        if (Double.doubleToRawLongBits(value) < 0) s.append('-');
        s.append(rounded / SCALE);
        long decimals = rounded % SCALE;
        if (decimals != 0) {
            int digits = 4;
            while (decimals % 10 == 0) {
                decimals /= 10;
                digits--;
            }
            s.append('.');
            String d = Long.toString(decimals);
            for (int i = d.length(); i < digits; i++) s.append('0');
            s.append(d);
        }
        return s.toString();
    }
}

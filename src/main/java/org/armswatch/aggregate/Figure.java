package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.armswatch.unrest.Qualifier;

/**
 * A number with how exact it is, and whether it rests on illustrative rows (not real data: shown [i], never in a
 * headline). A null value is "not available" ([x]), never zero.
 */
public record Figure(BigDecimal value, Qualifier qualifier, boolean illustrative) {

    public static final Figure NOT_AVAILABLE = new Figure(null, Qualifier.EXACT, false);

    public Figure(BigDecimal value, Qualifier qualifier) {
        this(value, qualifier, false);
    }

    public static Figure of(Long value, Qualifier qualifier) {
        return value == null ? NOT_AVAILABLE : new Figure(BigDecimal.valueOf(value), qualifier);
    }

    public boolean available() {
        return value != null;
    }

    public boolean positive() {
        return value != null && value.signum() > 0;
    }

    /**
     * As the workbook shows it, to the whole unit: "≥ 4,400", "2,200,000 EUR", "69 unrest events [i]" (the unit before
     * the mark, where it reads). Only for an available figure.
     */
    public String shown(String unit) {
        return qualifier.mark()
                + String.format(
                        Locale.UK,
                        "%,d",
                        value.setScale(0, RoundingMode.HALF_UP).longValueExact())
                + (unit.isEmpty() ? "" : " " + unit)
                + (illustrative ? " [i]" : "");
    }

    /** Available and resting on real rows only: what a headline may say. */
    public boolean real() {
        return value != null && !illustrative;
    }
}

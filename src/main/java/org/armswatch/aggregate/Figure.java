package org.armswatch.aggregate;

import java.math.BigDecimal;

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

    /** Available and resting on real rows only: what a headline may say. */
    public boolean real() {
        return value != null && !illustrative;
    }
}

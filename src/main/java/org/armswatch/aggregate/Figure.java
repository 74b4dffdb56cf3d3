package org.armswatch.aggregate;

import java.math.BigDecimal;

import org.armswatch.unrest.Qualifier;

/** A number with how exact it is. A null value is "not available" ([x]), never zero. */
public record Figure(BigDecimal value, Qualifier qualifier) {

    public static final Figure NOT_AVAILABLE = new Figure(null, Qualifier.EXACT);

    public static Figure of(Long value, Qualifier qualifier) {
        return value == null ? NOT_AVAILABLE : new Figure(BigDecimal.valueOf(value), qualifier);
    }

    public boolean available() {
        return value != null;
    }

    public boolean positive() {
        return value != null && value.signum() > 0;
    }
}

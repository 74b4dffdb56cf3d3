package org.armswatch.licence;

import java.math.BigDecimal;

import org.armswatch.period.Period;

/**
 * One reported licence figure: licences and their value for one exporter, destination and period.
 * A null count or value is "not available" ([x]), never zero.
 */
public record LicenceFigure(
        long line,
        String exporter,
        String destination,
        Period period,
        String category,
        LicenceStatus status,
        Long licences,
        BigDecimal valueEur,
        String source,
        String notes) {

    /** Two figures with the same key in one file are duplicates: the later row wins. */
    public record Key(String exporter, String destination, Period period, String category, LicenceStatus status) {}

    public Key key() {
        return new Key(exporter, destination, period, category, status);
    }
}

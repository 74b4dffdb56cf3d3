package org.armswatch.unrest;

import org.armswatch.period.Period;

/**
 * One figure from the desk's tally, as it was reported: "more than 4,400 people have been detained so far, according to
 * the Interior Ministry" on 8 January 2022.
 */
public record ReportedFigure(
        int fileNo,
        long line,
        String country,
        Period reportedOn,
        String region,
        String metric,
        long value,
        Qualifier qualifier,
        Basis basis,
        String source,
        String sourceType,
        String notes) {

    public boolean official() {
        return "official".equalsIgnoreCase(sourceType);
    }
}

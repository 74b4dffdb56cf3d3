package org.armswatch.unrest;

import org.armswatch.period.Period;

/**
 * The figure of one country, period, metric and basis (and region, blank for the whole country) across all sources: the
 * latest official figure, the highest figure of any source, and the range; and the two a desk quotes, each with its
 * source and report date: the lowest reported and the latest reported. A null official means no official source
 * reported in the period ([x]).
 */
public record ReportedTotal(
        String country,
        Period period,
        String metric,
        Basis basis,
        String region,
        Long official,
        Qualifier officialQualifier,
        long highest,
        Qualifier highestQualifier,
        long lowest,
        Qualifier lowestQualifier,
        int sourceCount,
        String sources,
        Quoted lowestReported,
        Quoted latestReported) {

    /**
     * A figure as a desk quotes it: "more than 4,400 (Interior Ministry via state television, 8 Jan 2022)".
     *
     * @param illustrative its source says it is not real data
     */
    public record Quoted(long value, Qualifier qualifier, String source, Period reportedOn, boolean illustrative) {}
}

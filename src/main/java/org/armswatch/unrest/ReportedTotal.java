package org.armswatch.unrest;

import org.armswatch.period.Period;

/**
 * The figure of one country, period, metric and basis (and region, blank for the whole country)
 * across all sources: the latest official figure, the highest figure of any source, and the range.
 * A null official means no official source reported in the period ([x]).
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
        String sources) {}

package org.armswatch.chart;

import java.util.List;
import java.util.Objects;

/**
 * Detained and killed in one country and period as a desk quotes them: for each, the lowest figure reported and the
 * latest, each with its qualifier and report date.
 *
 * @param countryCode ISO code; it names the file
 * @param figures at most two a metric (lowest, latest), detained before killed
 */
public record ReportedFigures(
        String countryCode, String countryName, String periodLabel, List<Quoted> figures, String source) {

    /**
     * @param metric "Detained" or "Killed"
     * @param which "Lowest reported" or "Latest reported"
     * @param mark the qualifier as the workbook writes it: "", "≥ ", "~ ", "≤ "
     * @param reportedOn the report's date, "8 Jan 2022"
     */
    public record Quoted(
            String metric,
            String which,
            long value,
            String mark,
            String reportedOn,
            String source,
            boolean illustrative) {}

    public ReportedFigures {
        Objects.requireNonNull(countryCode, "countryCode");
        figures = List.copyOf(figures);
        if (!countryCode.matches("[A-Za-z0-9_-]{1,16}"))
            throw new IllegalArgumentException("countryCode: " + countryCode);
    }
}

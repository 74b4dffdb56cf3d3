package org.armswatch.unrest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.armswatch.input.Illustrative;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;

/**
 * The aggregation rules of the desk's tally (inputs.md 2b), kept apart from any file or database so that they can be
 * read and tested on their own.
 *
 * <p>Per source, a period's figure is the latest cumulative report in it (running totals are never summed) or the sum
 * of the incremental reports. Across sources: the official figure is that of the official source that reported last,
 * the highest is the largest of any source, and the range runs from the smallest to the largest. What a desk quotes:
 * the lowest figure reported and the latest, each with its source and date, taken from real sources where there are any
 * (an illustrative row only where none is real: it is then marked).
 */
public final class ReportedFigureRules {

    private ReportedFigureRules() {}

    private record Series(String country, Period period, String metric, Basis basis, String region) {}

    /** One source's figure for one series, with the report that decided it (for "latest"). */
    private record SourceFigure(
            String source,
            boolean official,
            long value,
            Qualifier qualifier,
            Period lastReport,
            int lastFile,
            long lastLine) {}

    public static List<ReportedTotal> totals(List<ReportedFigure> figures, Granularity report) {
        Map<Series, Map<String, SourceFigure>> bySeries = new TreeMap<>(SERIES_ORDER);
        List<ReportedFigure> ordered = new ArrayList<>(figures);
        // Reports in the order they were made; the same date falls back to file then line order.
        ordered.sort(Comparator.comparing(ReportedFigure::reportedOn)
                .thenComparingInt(ReportedFigure::fileNo)
                .thenComparingLong(ReportedFigure::line));
        for (ReportedFigure f : ordered) {
            Series series = new Series(f.country(), f.reportedOn().rollUpTo(report), f.metric(), f.basis(), f.region());
            Map<String, SourceFigure> bySource = bySeries.computeIfAbsent(series, s -> new LinkedHashMap<>());
            String source = f.source().isEmpty() ? "(no source given)" : f.source();
            SourceFigure before = bySource.get(source);
            SourceFigure now;
            if (before == null || f.basis() == Basis.CUMULATIVE) {
                now = new SourceFigure(
                        source, f.official(), f.value(), f.qualifier(), f.reportedOn(), f.fileNo(), f.line());
            } else {
                long sum = before.value() + f.value();
                // Both are ≥ 0, so a negative sum has overflowed: all that is known is that it is at least that large.
                boolean overflow = sum < 0;
                now = new SourceFigure(
                        source,
                        before.official() || f.official(),
                        overflow ? Long.MAX_VALUE : sum,
                        overflow ? Qualifier.AT_LEAST : before.qualifier().with(f.qualifier()),
                        f.reportedOn(),
                        f.fileNo(),
                        f.line());
            }
            bySource.put(source, now);
        }
        List<ReportedTotal> totals = new ArrayList<>(bySeries.size());
        bySeries.forEach((series, bySource) -> totals.add(total(series, bySource.values())));
        return totals;
    }

    private static ReportedTotal total(Series s, Iterable<SourceFigure> sources) {
        SourceFigure official = null;
        SourceFigure highest = null;
        SourceFigure lowest = null;
        SourceFigure lowestQuoted = null;
        SourceFigure latestQuoted = null;
        boolean anyReal = false;
        for (SourceFigure f : sources) anyReal |= !Illustrative.source(f.source());
        int sourceCount = 0;
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (SourceFigure f : sources) {
            sourceCount++;
            names.add(f.source());
            if (f.official() && (official == null || LATEST.compare(f, official) > 0)) official = f;
            if (highest == null || f.value() > highest.value()) highest = f;
            if (lowest == null || f.value() < lowest.value()) lowest = f;
            if (anyReal && Illustrative.source(f.source())) continue;
            // Of equal figures, the earlier report is quoted as the lowest: the first time it was said.
            if (lowestQuoted == null
                    || f.value() < lowestQuoted.value()
                    || f.value() == lowestQuoted.value() && LATEST.compare(f, lowestQuoted) < 0) lowestQuoted = f;
            if (latestQuoted == null || LATEST.compare(f, latestQuoted) > 0) latestQuoted = f;
        }
        return new ReportedTotal(
                s.country(),
                s.period(),
                s.metric(),
                s.basis(),
                s.region(),
                official == null ? null : official.value(),
                official == null ? null : official.qualifier(),
                highest.value(),
                highest.qualifier(),
                lowest.value(),
                lowest.qualifier(),
                sourceCount,
                String.join("; ", names),
                quoted(lowestQuoted),
                quoted(latestQuoted));
    }

    private static ReportedTotal.Quoted quoted(SourceFigure f) {
        return new ReportedTotal.Quoted(
                f.value(), f.qualifier(), f.source(), f.lastReport(), Illustrative.source(f.source()));
    }

    private static final Comparator<SourceFigure> LATEST = Comparator.comparing(SourceFigure::lastReport)
            .thenComparingInt(SourceFigure::lastFile)
            .thenComparingLong(SourceFigure::lastLine);

    private static final Comparator<Series> SERIES_ORDER = Comparator.comparing(Series::country)
            .thenComparing(Series::period)
            .thenComparing(Series::metric)
            .thenComparing(Series::basis)
            .thenComparing(Series::region);
}

package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.armswatch.unrest.Basis;
import org.armswatch.unrest.Qualifier;
import org.armswatch.unrest.ReportedFigure;
import org.armswatch.unrest.ReportedFigureRules;
import org.armswatch.unrest.ReportedTotal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns a run's staged figures into the Overview's figures (aw_figure) and the tally's totals
 * (aw_reported_total). Idempotent: it clears the run's results first, so a resumed step that
 * failed half-way simply runs again.
 */
public final class RunAggregation {

    private final JdbcTemplate jdbc;

    public RunAggregation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void aggregate(long runId, Granularity report) {
        jdbc.update("DELETE FROM aw_figure WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM aw_reported_total WHERE run_id = ?", runId);
        licences(runId);
        events(runId);
        reportedFigures(runId, report);
    }

    /**
     * The same licence key (exporter, destination, period, category, status) in two files is kept
     * side by side in the Licences sheet, but counted once here: the file read last wins, as a
     * later row wins within a file. Likewise a total for the whole report period wins over the
     * finer figures of the same key that roll up into it (a year's total over its quarters: they
     * describe the same licences). A sum with a missing count or value in it is a floor.
     *
     * <p>The staged rows come in the sheet's order, in which every row that can overrule another
     * (same exporter, destination, category, status and report period) is next to it: each such group
     * is settled as it passes, so memory holds a group and the sums, not the run's rows.
     */
    private void licences(long runId) {
        Map<FigureKey, FigureSum> sums = new HashMap<>();
        List<StagedLicences.Row> group = new ArrayList<>();
        new StagedLicences(jdbc).forEach(runId, r -> {
            if (!group.isEmpty() && StagedLicences.SHEET_ORDER.compare(group.get(0), r) != 0) {
                count(group, sums);
                group.clear();
            }
            group.add(r);
        });
        count(group, sums);
        List<Object[]> figures = new ArrayList<>();
        sums.forEach((k, sum) -> {
            boolean issued = k.status().equals("issued");
            figures.add(figure(runId, k.destination(), k.reportPeriod(),
                    issued ? Measure.LICENCES_ISSUED : Measure.LICENCES_REFUSED, sum.licences(), sum.withLicences < sum.rows));
            figures.add(figure(runId, k.destination(), k.reportPeriod(),
                    issued ? Measure.VALUE_ISSUED : Measure.VALUE_REFUSED, sum.value, sum.withValue < sum.rows));
        });
        jdbc.batchUpdate("INSERT INTO aw_figure (run_id, country, period, measure, figure, qualifier) VALUES (?, ?, ?, ?, ?, ?)",
                figures);
    }

    /** Adds the rows of one exporter, destination, category, status and report period that are not overruled. */
    private static void count(List<StagedLicences.Row> group, Map<FigureKey, FigureSum> sums) {
        if (group.isEmpty()) return;
        // Within a file periods are unique (the reader resolved duplicates): the last file's row of a period stands.
        Map<String, Integer> lastFile = new HashMap<>();
        for (StagedLicences.Row r : group) lastFile.merge(r.period(), r.fileNo(), Math::max);
        boolean total = false;
        for (StagedLicences.Row r : group) total |= r.isTotal() && r.fileNo() == lastFile.get(r.period());
        for (StagedLicences.Row r : group) {
            if (r.fileNo() < lastFile.get(r.period()) || total && !r.isTotal()) continue;
            sums.computeIfAbsent(new FigureKey(r.destination(), r.reportPeriod(), r.status()), k -> new FigureSum()).add(r);
        }
    }

    /** One Overview cell pair: licences and value for a destination, report period and status. */
    private record FigureKey(String destination, String reportPeriod, String status) {}

    /** As SQL's SUM and COUNT would give them: a sum of no figures is null ([x]), not zero. */
    private static final class FigureSum {
        private long rows;
        private long withLicences;
        private long withValue;
        private BigDecimal licenceSum = BigDecimal.ZERO;
        private BigDecimal value;

        void add(StagedLicences.Row r) {
            rows++;
            if (r.licences() != null) {
                withLicences++;
                licenceSum = licenceSum.add(BigDecimal.valueOf(r.licences()));
            }
            if (r.valueEur() != null) {
                withValue++;
                value = value == null ? r.valueEur() : value.add(r.valueEur());
            }
        }

        BigDecimal licences() {
            return withLicences == 0 ? null : licenceSum;
        }
    }

    private static Object[] figure(long runId, String country, String period, Measure measure, BigDecimal value,
                                   boolean partial) {
        return new Object[] {runId, country, period, measure.key(), value, partial ? "at_least" : "exact"};
    }

    /**
     * Events and fatalities per country and period. HDX's counts are ACLED's events counted again, so
     * for a country and month that an ACLED export covers, its events are used and HDX's are not;
     * other months of the same period still take HDX's. A
     * fatality sum is [x] when no row gave a figure, and "at least" when some did not.
     */
    private void events(long runId) {
        // Overlapping HDX downloads: the same country, month and type counts once, from the file read last.
        jdbc.update("UPDATE aw_event_count e SET superseded = (SELECT COUNT(*) > 0 FROM aw_event_count l"
                + " WHERE l.run_id = e.run_id AND l.source_kind = 'HDX' AND l.country = e.country"
                + " AND l.event_month = e.event_month AND l.event_type = e.event_type AND l.file_no > e.file_no)"
                + " WHERE e.run_id = ? AND e.source_kind = 'HDX'", runId);
        String chosen = "SELECT * FROM aw_event_count e WHERE e.run_id = ? AND e.superseded = FALSE"
                + " AND (e.source_kind = 'ACLED' OR NOT EXISTS ("
                + "SELECT 1 FROM aw_event_count a WHERE a.run_id = e.run_id AND a.source_kind = 'ACLED'"
                + " AND a.country = e.country AND a.event_month = e.event_month))";
        insertFigures(runId, Measure.EVENTS, "SELECT country, report_period, SUM(events), 'exact'"
                + " FROM (" + chosen + ") c GROUP BY country, report_period");
        insertFigures(runId, Measure.FATALITIES, "SELECT country, report_period,"
                + " CASE WHEN SUM(rows_without_fatalities) < SUM(rows_counted) THEN SUM(fatalities) END,"
                + " CASE WHEN SUM(rows_without_fatalities) > 0 THEN 'at_least' ELSE 'exact' END"
                + " FROM (" + chosen + ") c GROUP BY country, report_period");
    }

    private void insertFigures(long runId, Measure measure, String select) {
        // Every select names the run once, as its only parameter.
        jdbc.update("INSERT INTO aw_figure (run_id, measure, country, period, figure, qualifier) SELECT ?, ?, s.* FROM ("
                + select + ") s", runId, measure.key(), runId);
    }

    private void reportedFigures(long runId, Granularity report) {
        List<ReportedFigure> figures = jdbc.query("SELECT file_no, line, country, reported_on, region, metric, figure,"
                        + " qualifier, basis, source, source_type, notes FROM aw_reported_figure WHERE run_id = ?",
                (rs, i) -> new ReportedFigure(rs.getInt(1), rs.getLong(2), rs.getString(3), Period.ofIso(rs.getString(4)),
                        rs.getString(5), rs.getString(6), rs.getLong(7), Qualifier.ofWord(rs.getString(8)),
                        Basis.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)), rs.getString(10),
                        rs.getString(11), rs.getString(12)), runId);
        List<ReportedTotal> totals = ReportedFigureRules.totals(figures, report);
        jdbc.batchUpdate("INSERT INTO aw_reported_total (run_id, country, period, metric, basis, region, official,"
                        + " official_qualifier, highest, highest_qualifier, lowest, lowest_qualifier, source_count, sources)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", totals, 1000, (ps, t) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, t.country());
                    ps.setString(3, t.period().iso());
                    ps.setString(4, t.metric());
                    ps.setString(5, t.basis().word());
                    ps.setString(6, t.region());
                    ps.setObject(7, t.official(), Types.BIGINT);
                    ps.setString(8, t.officialQualifier() == null ? null : t.officialQualifier().word());
                    ps.setLong(9, t.highest());
                    ps.setString(10, t.highestQualifier().word());
                    ps.setLong(11, t.lowest());
                    ps.setString(12, t.lowestQualifier().word());
                    ps.setInt(13, t.sourceCount());
                    ps.setString(14, t.sources());
                });
        overviewFromTally(runId, totals);
    }

    /**
     * The Overview shows detained and killed for the whole country (no region). Where a metric was
     * reported both as running totals and as new-in-period figures, the running total is shown.
     */
    private void overviewFromTally(long runId, List<ReportedTotal> totals) {
        Map<String, ReportedTotal> chosen = new LinkedHashMap<>();
        for (ReportedTotal t : totals) {
            if (!t.region().isEmpty() || !(t.metric().equals("detained") || t.metric().equals("killed"))) continue;
            String key = t.country() + '|' + t.period().iso() + '|' + t.metric();
            ReportedTotal before = chosen.get(key);
            if (before == null || t.basis() == Basis.CUMULATIVE) chosen.put(key, t);
        }
        List<Object[]> rows = new ArrayList<>();
        for (ReportedTotal t : chosen.values()) {
            boolean detained = t.metric().equals("detained");
            Measure official = detained ? Measure.DETAINED_OFFICIAL : Measure.KILLED_OFFICIAL;
            Measure highest = detained ? Measure.DETAINED_HIGHEST : Measure.KILLED_HIGHEST;
            if (t.official() != null) {
                rows.add(new Object[] {runId, t.country(), t.period().iso(), official.key(), t.official(), t.officialQualifier().word()});
            }
            rows.add(new Object[] {runId, t.country(), t.period().iso(), highest.key(), t.highest(), t.highestQualifier().word()});
        }
        jdbc.batchUpdate("INSERT INTO aw_figure (run_id, country, period, measure, figure, qualifier) VALUES (?, ?, ?, ?, ?, ?)", rows);
    }
}

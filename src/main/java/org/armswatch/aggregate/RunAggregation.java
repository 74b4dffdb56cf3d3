package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.armswatch.input.Illustrative;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.armswatch.unrest.Basis;
import org.armswatch.unrest.CountedEvents;
import org.armswatch.unrest.Qualifier;
import org.armswatch.unrest.ReportedFigure;
import org.armswatch.unrest.ReportedFigureRules;
import org.armswatch.unrest.ReportedTotal;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Turns a run's staged figures into the Overview's figures (aw_figure) and the tally's totals (aw_reported_total).
 * Idempotent: it clears the run's results first, so a resumed step that failed half-way simply runs again.
 */
public final class RunAggregation {

    private final JdbcTemplate jdbc;

    public RunAggregation(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void aggregate(long runId, Granularity report) {
        jdbc.update("DELETE FROM aw_figure WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM aw_reported_total WHERE run_id = ?", runId);
        jdbc.update("DELETE FROM aw_warning WHERE run_id = ? AND step = ?", runId, RunWarnings.AGGREGATE);
        jdbc.update("DELETE FROM aw_overview_text WHERE run_id = ?", runId);
        Provenance provenance = new Provenance();
        Map<Integer, String> files = new StagingStore(jdbc).fileNames(runId);
        licences(runId, files, provenance);
        events(runId, files, provenance);
        reportedFigures(runId, report, provenance);
        provenance.store(jdbc, runId);
    }

    /**
     * Rows of one file that share a key are summed: a licence list has a row per licence. The same key in two files is
     * kept side by side in the Licences sheet but counted once here: the file read last wins, and the earlier file's
     * rows are named in a warning. Likewise a total for the whole report period wins over the finer figures of the same
     * key that roll up into it (a year's total over its quarters: they describe the same licences), and a warning says
     * so. A sum with a missing count or value in it is a floor. Counts are summed over currencies; values never are.
     *
     * <p>The staged rows come in the sheet's order, in which every row that can overrule another (same exporter,
     * destination, category, status, currency and report period) is next to it: each such group is settled as it
     * passes, so memory holds a group and the sums, not the run's rows.
     */
    private void licences(long runId, Map<Integer, String> files, Provenance provenance) {
        LicenceSums sums = new LicenceSums(files, provenance);
        List<StagedLicences.Row> group = new ArrayList<>();
        new StagedLicences(jdbc).forEach(runId, r -> {
            if (!group.isEmpty() && StagedLicences.SHEET_ORDER.compare(group.get(0), r) != 0) {
                sums.count(group);
                group.clear();
            }
            group.add(r);
        });
        sums.count(group);
        List<Object[]> figures = new ArrayList<>();
        sums.licences.forEach((k, sum) -> figures.add(figure(
                runId,
                k.destination(),
                k.reportPeriod(),
                Indicator.of(k.issued() ? Measure.LICENCES_ISSUED : Measure.LICENCES_REFUSED),
                sum)));
        sums.values.forEach((k, sum) -> {
            // A row without a value or a currency could have been in any of the cell's currencies: each is a floor.
            if (sums.valueUnknown.contains(new FigureKey(k.destination(), k.reportPeriod(), k.issued(), "")))
                sum.rows++;
            figures.add(figure(
                    runId,
                    k.destination(),
                    k.reportPeriod(),
                    Indicator.money(k.issued() ? Measure.VALUE_ISSUED : Measure.VALUE_REFUSED, k.currency()),
                    sum));
        });
        jdbc.batchUpdate(
                "INSERT INTO aw_figure (run_id, country, period, measure, figure, qualifier, illustrative)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                figures);
        new RunWarnings(jdbc).add(runId, RunWarnings.AGGREGATE, sums.warnings());
    }

    /** Destinations named in a warning; the rest are counted. */
    private static final int NAMED = 12;

    /** One Overview cell: a destination, report period and status, and for a value its currency. */
    private record FigureKey(String destination, String reportPeriod, boolean issued, String currency) {}

    /** The Overview's licence figures, and what the counting left out and why. */
    private static final class LicenceSums {
        final Map<FigureKey, Sum> licences = new HashMap<>();
        final Map<FigureKey, Sum> values = new HashMap<>();
        /** Cells (without currency) with a row that gives neither value nor currency. */
        final Set<FigureKey> valueUnknown = new HashSet<>();
        /** Rows not counted because a file read later gives the same key: (earlier file, later file) → rows. */
        final Map<List<Integer>, long[]> overruled = new TreeMap<>(
                Comparator.comparing((List<Integer> k) -> k.get(0)).thenComparing(k -> k.get(1)));
        /** Rows not counted because their file gives the whole report period's total: file → rows. */
        final Map<Integer, long[]> parts = new TreeMap<>();

        final Map<String, Set<String>> currenciesByDestination = new TreeMap<>();
        private final Map<Integer, String> files;
        private final Provenance provenance;

        LicenceSums(Map<Integer, String> files, Provenance provenance) {
            this.files = files;
            this.provenance = provenance;
        }

        /**
         * Adds the rows of one exporter, destination, category, status, currency and report period that are not
         * overruled.
         */
        void count(List<StagedLicences.Row> group) {
            if (group.isEmpty()) return;
            Map<String, Integer> lastFile = new HashMap<>();
            for (StagedLicences.Row r : group) lastFile.merge(r.period(), r.fileNo(), Math::max);
            int totalIn = -1;
            for (StagedLicences.Row r : group) {
                if (r.isTotal() && r.fileNo() == lastFile.get(r.period())) totalIn = r.fileNo();
            }
            for (StagedLicences.Row r : group) {
                int last = lastFile.get(r.period());
                if (r.fileNo() < last) {
                    overruled.computeIfAbsent(List.of(r.fileNo(), last), k -> new long[1])[0]++;
                    continue;
                }
                if (totalIn >= 0 && !r.isTotal()) {
                    parts.computeIfAbsent(r.fileNo(), k -> new long[1])[0]++;
                    continue;
                }
                boolean issued = r.status().equals("issued");
                boolean illustrative = Illustrative.source(r.source());
                provenance.licences(
                        r.destination(), r.reportPeriod(), r.source().isEmpty() ? files.get(r.fileNo()) : r.source());
                licences.computeIfAbsent(new FigureKey(r.destination(), r.reportPeriod(), issued, ""), k -> new Sum())
                        .add(r.licences() == null ? null : BigDecimal.valueOf(r.licences()), illustrative);
                if (!r.currency().isEmpty()) {
                    values.computeIfAbsent(
                                    new FigureKey(r.destination(), r.reportPeriod(), issued, r.currency()),
                                    k -> new Sum())
                            .add(r.value(), illustrative);
                    if (r.value() != null) {
                        currenciesByDestination
                                .computeIfAbsent(r.destination(), d -> new TreeSet<>())
                                .add(r.currency());
                    }
                } else if (r.value() == null) {
                    valueUnknown.add(new FigureKey(r.destination(), r.reportPeriod(), issued, ""));
                }
            }
        }

        private static String licenceRows(long n) {
            return String.format(Locale.UK, "%,d licence %s", n, n == 1 ? "row" : "rows");
        }

        List<RunWarnings.Warning> warnings() {
            List<RunWarnings.Warning> said = new ArrayList<>();
            overruled.forEach((pair, rows) -> said.add(new RunWarnings.Warning(
                    pair.get(0),
                    licenceRows(rows[0])
                            + " not counted in the Overview: " + files.get(pair.get(1))
                            + ", read later, gives figures for the same"
                            + " exporter, destination, period, category, status and currency, and the file read last is counted"
                            + " (both are shown in Licences)")));
            parts.forEach((file, n) -> said.add(new RunWarnings.Warning(
                    file,
                    licenceRows(n[0])
                            + " not counted in the Overview: the file also gives the total for their whole report period (same"
                            + " exporter, destination, category, status and currency), which is counted instead of them (both"
                            + " are shown in Licences)")));
            Set<String> several = new TreeSet<>();
            Set<String> currencies = new TreeSet<>();
            currenciesByDestination.forEach((destination, inCurrencies) -> {
                if (inCurrencies.size() > 1) {
                    several.add(destination);
                    currencies.addAll(inCurrencies);
                }
            });
            if (!several.isEmpty()) {
                List<String> named = several.stream().limit(NAMED).toList();
                said.add(new RunWarnings.Warning(
                        0,
                        several.size() + (several.size() == 1 ? " destination has" : " destinations have")
                                + " licence values in more than one currency (" + String.join(", ", currencies) + "): "
                                + String.join(", ", named)
                                + (several.size() > NAMED ? " and " + (several.size() - NAMED) + " more" : "")
                                + "; each currency stands in its own column and is never added to another"));
            }
            return said;
        }
    }

    /**
     * As SQL's SUM and COUNT would give them: a sum of no figures is null ([x]), not zero; a sum missing a part is a
     * floor; a sum with an illustrative part in it is illustrative.
     */
    private static final class Sum {
        private long rows;
        private long given;
        private BigDecimal total;
        private boolean illustrative;

        void add(BigDecimal figure, boolean fromIllustrative) {
            rows++;
            if (figure != null) {
                given++;
                total = total == null ? figure : total.add(figure);
                illustrative |= fromIllustrative;
            }
        }

        BigDecimal total() {
            return total;
        }

        boolean partial() {
            return given < rows;
        }
    }

    private static Object[] figure(long runId, String country, String period, Indicator indicator, Sum sum) {
        return new Object[] {
            runId, country, period, indicator.key(), sum.total(), sum.partial() ? "at_least" : "exact", sum.illustrative
        };
    }

    /**
     * Events and fatalities per country and period. HDX's counts are ACLED's events counted again, so for a country and
     * month that an ACLED export covers, its events are used and HDX's are not; other months of the same period still
     * take HDX's. A fatality sum is [x] when no row gave a figure, and "at least" when some did not.
     */
    private void events(long runId, Map<Integer, String> fileNames, Provenance provenance) {
        // Overlapping HDX downloads: the same country, month and type counts once, from the file read last.
        jdbc.update(
                "UPDATE aw_event_count e SET superseded = (SELECT COUNT(*) > 0 FROM aw_event_count l"
                        + " WHERE l.run_id = e.run_id AND l.source_kind = 'HDX' AND l.country = e.country"
                        + " AND l.event_month = e.event_month AND l.event_type = e.event_type AND l.file_no > e.file_no)"
                        + " WHERE e.run_id = ? AND e.source_kind = 'HDX'",
                runId);
        String chosen = "SELECT * FROM aw_event_count e WHERE e.run_id = ? AND e.superseded = FALSE"
                + " AND (e.source_kind = 'ACLED' OR NOT EXISTS ("
                + "SELECT 1 FROM aw_event_count a WHERE a.run_id = e.run_id AND a.source_kind = 'ACLED'"
                + " AND a.country = e.country AND a.event_month = e.event_month))";
        // A country's unrest events are political violence and demonstrations. HDX's civilian_targeting events are a
        // subset of its political_violence (HDX's data dictionary), and ACLED's strategic developments are neither:
        // civilians targeted stands in a column of its own, strategic developments only in Unrest.
        String counted = CountedEvents.IS_UNREST_SQL;
        String illustrative = " SUM(illustrative_events) > 0";
        insertFigures(
                runId,
                Measure.EVENTS,
                "SELECT country, report_period, SUM(events), 'exact'," + illustrative + " FROM (" + chosen
                        + ") c WHERE " + counted + " GROUP BY country, report_period");
        insertFigures(
                runId,
                Measure.CIVILIANS_TARGETED,
                "SELECT country, report_period, SUM(events), 'exact',"
                        + illustrative + " FROM (" + chosen + ") c WHERE event_type = '"
                        + CountedEvents.CIVILIAN_TARGETING + "'"
                        + " GROUP BY country, report_period");
        insertFigures(
                runId,
                Measure.FATALITIES,
                "SELECT country, report_period,"
                        + " CASE WHEN SUM(rows_without_fatalities) < SUM(rows_counted) THEN SUM(fatalities) END,"
                        + " CASE WHEN SUM(rows_without_fatalities) > 0 THEN 'at_least' ELSE 'exact' END," + illustrative
                        + " FROM (" + chosen + ") c WHERE " + counted + " GROUP BY country, report_period");
        // Where the counts came from: HDX's files by name, ACLED's exports that hold events of the country and month.
        // Joined here, not in SQL: the tables have no index for it (they are read whole), and H2 nests its loops.
        Map<String, List<Integer>> exportsOfMonth = new HashMap<>();
        jdbc.query(
                "SELECT country, event_month, file_no FROM aw_event_source WHERE run_id = ?",
                rs -> {
                    exportsOfMonth
                            .computeIfAbsent(rs.getString(1) + "|" + rs.getString(2), k -> new ArrayList<>())
                            .add(rs.getInt(3));
                },
                runId);
        record Named(String country, String period, String file, String kind) {}
        Set<Named> named = new HashSet<>();
        jdbc.query(
                "SELECT DISTINCT country, report_period, event_month, source_kind, file_no FROM (" + chosen + ") c",
                rs -> {
                    String country = rs.getString(1);
                    String period = rs.getString(2);
                    if (rs.getString(4).equals("HDX")) {
                        named.add(new Named(country, period, fileNames.get(rs.getInt(5)), "HDX counts "));
                    } else {
                        for (int file : exportsOfMonth.getOrDefault(country + "|" + rs.getString(3), List.of())) {
                            named.add(new Named(country, period, fileNames.get(file), "ACLED export "));
                        }
                    }
                },
                runId);
        named.stream()
                .sorted(Comparator.comparing(Named::file)
                        .thenComparing(Named::country)
                        .thenComparing(Named::period))
                .forEach(n -> provenance.events(n.country(), n.period(), n.kind() + n.file()));
    }

    private void insertFigures(long runId, Measure measure, String select) {
        // Every select names the run once, as its only parameter.
        jdbc.update(
                "INSERT INTO aw_figure (run_id, measure, country, period, figure, qualifier, illustrative)"
                        + " SELECT ?, ?, s.* FROM (" + select + ") s",
                runId,
                Indicator.of(measure).key(),
                runId);
    }

    private void reportedFigures(long runId, Granularity report, Provenance provenance) {
        List<ReportedFigure> figures = jdbc.query(
                "SELECT file_no, line, country, reported_on, region, metric, figure,"
                        + " qualifier, basis, source, source_type, notes FROM aw_reported_figure WHERE run_id = ?",
                (rs, i) -> new ReportedFigure(
                        rs.getInt(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Period.ofIso(rs.getString(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getLong(7),
                        Qualifier.ofWord(rs.getString(8)),
                        Basis.valueOf(rs.getString(9).toUpperCase(Locale.ROOT)),
                        rs.getString(10),
                        rs.getString(11),
                        rs.getString(12)),
                runId);
        List<ReportedTotal> totals = ReportedFigureRules.totals(figures, report);
        jdbc.batchUpdate(
                "INSERT INTO aw_reported_total (run_id, country, period, metric, basis, region, official,"
                        + " official_qualifier, highest, highest_qualifier, lowest, lowest_qualifier, source_count, sources,"
                        + " lowest_reported, lowest_reported_qualifier, lowest_reported_source, lowest_reported_on,"
                        + " latest_reported, latest_reported_qualifier, latest_reported_source, latest_reported_on)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                totals,
                1000,
                (ps, t) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, t.country());
                    ps.setString(3, t.period().iso());
                    ps.setString(4, t.metric());
                    ps.setString(5, t.basis().word());
                    ps.setString(6, t.region());
                    ps.setObject(7, t.official(), Types.BIGINT);
                    ps.setString(
                            8,
                            t.officialQualifier() == null
                                    ? null
                                    : t.officialQualifier().word());
                    ps.setLong(9, t.highest());
                    ps.setString(10, t.highestQualifier().word());
                    ps.setLong(11, t.lowest());
                    ps.setString(12, t.lowestQualifier().word());
                    ps.setInt(13, t.sourceCount());
                    ps.setString(14, t.sources());
                    int i = 15;
                    for (ReportedTotal.Quoted q : List.of(t.lowestReported(), t.latestReported())) {
                        ps.setLong(i++, q.value());
                        ps.setString(i++, q.qualifier().word());
                        ps.setString(i++, q.source());
                        ps.setString(i++, q.reportedOn().iso());
                    }
                });
        overviewFromTally(runId, totals, provenance);
    }

    /**
     * The Overview shows detained and killed for the whole country (no region), as a desk quotes them: the lowest
     * figure reported in the period and the latest, with their sources and dates in the row's text. Where a metric was
     * reported both as running totals and as new-in-period figures, the running total is shown.
     */
    private void overviewFromTally(long runId, List<ReportedTotal> totals, Provenance provenance) {
        Map<String, ReportedTotal> chosen = new LinkedHashMap<>();
        for (ReportedTotal t : totals) {
            provenance.reported(t.country(), t.period().iso(), t.sources());
            if (!t.region().isEmpty()
                    || !(t.metric().equals("detained") || t.metric().equals("killed"))) continue;
            String key = t.country() + '|' + t.period().iso() + '|' + t.metric();
            ReportedTotal before = chosen.get(key);
            if (before == null || t.basis() == Basis.CUMULATIVE) chosen.put(key, t);
        }
        List<Object[]> rows = new ArrayList<>();
        for (ReportedTotal t : chosen.values()) {
            boolean detained = t.metric().equals("detained");
            Measure lowest = detained ? Measure.DETAINED_LOWEST : Measure.KILLED_LOWEST;
            Measure latest = detained ? Measure.DETAINED_LATEST : Measure.KILLED_LATEST;
            for (var q : List.of(Map.entry(lowest, t.lowestReported()), Map.entry(latest, t.latestReported()))) {
                rows.add(new Object[] {
                    runId,
                    t.country(),
                    t.period().iso(),
                    q.getKey().key(),
                    q.getValue().value(),
                    q.getValue().qualifier().word(),
                    q.getValue().illustrative()
                });
            }
            provenance.quote(t.country(), t.period().iso(), t.metric(), t.lowestReported(), t.latestReported());
        }
        jdbc.batchUpdate(
                "INSERT INTO aw_figure (run_id, country, period, measure, figure, qualifier, illustrative)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }
}

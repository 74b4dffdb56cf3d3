package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.Illustrative;
import org.armswatch.period.Period;
import org.armswatch.unrest.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one run's results for the workbook and the charts, in a stable order so that the same inputs give the same
 * workbook. The workbook never sees SQL: it receives these rows.
 */
public final class ReportData {

    private final JdbcTemplate jdbc;
    private final CountryResolver countries;

    public ReportData(JdbcTemplate jdbc, CountryResolver countries) {
        this.jdbc = jdbc;
        this.countries = countries;
    }

    public String countryName(String code) {
        return countries.byCode(code).map(Country::name).orElse(code);
    }

    public List<OverviewRow> overview(long runId) {
        List<OverviewRow> rows = new ArrayList<>();
        String[] current = {null, null};
        Map<Indicator, Figure>[] figures = new Map[] {null};
        Map<String, String[]> texts = new java.util.HashMap<>();
        jdbc.query(
                "SELECT country, period, sources, reported FROM aw_overview_text WHERE run_id = ?",
                rs -> {
                    texts.put(rs.getString(1) + "|" + rs.getString(2), new String[] {rs.getString(3), rs.getString(4)});
                },
                runId);
        jdbc.query(
                "SELECT country, period, measure, figure, qualifier, illustrative FROM aw_figure WHERE run_id = ?"
                        + " ORDER BY country, period",
                rs -> {
                    String country = rs.getString(1);
                    String period = rs.getString(2);
                    if (!country.equals(current[0]) || !period.equals(current[1])) {
                        current[0] = country;
                        current[1] = period;
                        figures[0] = new TreeMap<>();
                        String[] text = texts.getOrDefault(country + "|" + period, new String[] {"", ""});
                        rows.add(new OverviewRow(
                                country, countryName(country), Period.ofIso(period), figures[0], text[0], text[1]));
                    }
                    Figure f = figure(rs, 4, 5);
                    figures[0].put(
                            Indicator.ofKey(rs.getString(3)),
                            f.available() && rs.getBoolean(6) ? new Figure(f.value(), f.qualifier(), true) : f);
                },
                runId);
        // ISO period strings sort yearly "2021" before "2021-Q1", as a reader expects.
        rows.sort((a, b) -> a.countryName().equals(b.countryName())
                ? a.period().compareTo(b.period())
                : a.countryName().compareTo(b.countryName()));
        return rows;
    }

    public void forEachLicenceRow(long runId, Consumer<LicenceRow> sink) {
        LicenceRowMerger merger = new LicenceRowMerger(sink, fileNames(runId));
        new StagedLicences(jdbc).forEach(runId, merger::add);
        merger.finish();
    }

    /**
     * The licence rows where the country is the destination, then those where it is the exporter: its own workbook's
     * Licences sheet.
     */
    public void forEachLicenceRow(long runId, String country, Consumer<LicenceRow> sink) {
        LicenceRowMerger merger = new LicenceRowMerger(sink, fileNames(runId));
        new StagedLicences(jdbc).forEachOf(runId, country, merger::add);
        merger.finish();
    }

    private Map<Integer, String> fileNames(long runId) {
        return new StagingStore(jdbc).fileNames(runId);
    }

    /** What differs from the previous run (see {@link RunComparison}): the Changes sheet and the Overview's [r]. */
    public RunChanges changes(long runId) {
        return new RunComparison(jdbc, this).changes(runId);
    }

    /**
     * Rows of one file that share exporter, destination, report period, category, status and currency (quarters rolled
     * up into a year, a licence list's rows summed) make one sheet row. The run's rows come in the sheet's order and
     * are merged here as they stream past: an SQL GROUP BY kept an aggregate and a set of sources for every group in
     * memory.
     */
    private final class LicenceRowMerger {
        private final Consumer<LicenceRow> sink;
        private final Map<Integer, String> files;
        private String exporter;
        private String destination;
        private String period;
        private String category;
        private String status;
        private String currency;
        private int fileNo = -1;
        private long rows;
        private long withLicences;
        private BigDecimal licenceSum;
        private long withValue;
        private BigDecimal valueSum;
        private String firstSource;
        private String lastSource;
        private int sources;
        private boolean illustrative;

        LicenceRowMerger(Consumer<LicenceRow> sink, Map<Integer, String> files) {
            this.sink = sink;
            this.files = files;
        }

        void add(StagedLicences.Row r) {
            add(
                    r.exporter(),
                    r.destination(),
                    r.reportPeriod(),
                    r.category(),
                    r.status(),
                    r.currency(),
                    r.licences(),
                    r.value(),
                    r.source(),
                    r.fileNo());
        }

        private void add(
                String exporter,
                String destination,
                String period,
                String category,
                String status,
                String currency,
                Long licences,
                BigDecimal value,
                String source,
                int fileNo) {
            if (fileNo != this.fileNo
                    || !destination.equals(this.destination)
                    || !period.equals(this.period)
                    || !exporter.equals(this.exporter)
                    || !category.equals(this.category)
                    || !status.equals(this.status)
                    || !currency.equals(this.currency)) {
                emit();
                this.exporter = exporter;
                this.destination = destination;
                this.period = period;
                this.category = category;
                this.status = status;
                this.currency = currency;
                this.fileNo = fileNo;
                rows = withLicences = withValue = 0;
                licenceSum = valueSum = null;
                firstSource = lastSource = null;
                sources = 0;
                illustrative = false;
            }
            rows++;
            if (licences != null) {
                withLicences++;
                licenceSum = licenceSum == null
                        ? BigDecimal.valueOf(licences)
                        : licenceSum.add(BigDecimal.valueOf(licences));
            }
            if (value != null) {
                withValue++;
                valueSum = valueSum == null ? value : valueSum.add(value);
            }
            // Sources come sorted within a key: a new one differs from the last.
            if (!source.equals(lastSource)) {
                illustrative |= Illustrative.source(source);
                sources++;
                if (firstSource == null) firstSource = source;
                lastSource = source;
            }
        }

        private void emit() {
            if (rows == 0) return;
            String shown = sources <= 1
                    ? firstSource
                    : firstSource + "; " + lastSource + (sources > 2 ? " and " + (sources - 2) + " more" : "");
            Figure licences = withLicences == 0
                    ? Figure.NOT_AVAILABLE
                    : new Figure(licenceSum, withLicences < rows ? Qualifier.AT_LEAST : Qualifier.EXACT, illustrative);
            Figure value = withValue == 0
                    ? Figure.NOT_AVAILABLE
                    : new Figure(valueSum, withValue < rows ? Qualifier.AT_LEAST : Qualifier.EXACT, illustrative);
            sink.accept(new LicenceRow(
                    exporter,
                    countryName(exporter),
                    destination,
                    countryName(destination),
                    Period.ofIso(period),
                    category,
                    status,
                    rows,
                    licences,
                    value,
                    currency,
                    shown,
                    files.get(fileNo)));
        }

        void finish() {
            emit();
        }
    }

    /**
     * Yearly totals per country and source: each licence source's licences and values (per currency), and each unrest
     * source's events, side by side and never added across sources (two sources may report the same licences or
     * events). Unrest events are political violence and demonstrations, as in the Overview.
     */
    public List<SummaryRow> summary(long runId) {
        Map<Integer, String> files = fileNames(runId);
        Map<List<Object>, long[]> counts =
                new TreeMap<>(java.util.Comparator.comparing((List<Object> k) -> (String) k.get(0))
                        .thenComparing(k -> (Integer) k.get(1))
                        .thenComparing(k -> (String) k.get(2))
                        .thenComparing(k -> (String) k.get(3)));
        Map<List<Object>, BigDecimal[]> values = new java.util.HashMap<>();
        new StagedLicences(jdbc).forEach(runId, r -> {
            String source = r.source().isEmpty() ? files.get(r.fileNo()) : r.source();
            List<Object> key =
                    List.of(r.destination(), Period.ofIso(r.period()).start().getYear(), source, r.currency());
            // rows, issued count, rows with an issued count, refused count, rows with a refused count, issued rows,
            // refused rows, rows with an issued value, illustrative
            long[] c = counts.computeIfAbsent(key, k -> new long[9]);
            BigDecimal[] v = values.computeIfAbsent(key, k -> new BigDecimal[1]);
            boolean issued = r.status().equals("issued");
            c[0]++;
            if (issued) c[5]++;
            else c[6]++;
            if (r.licences() != null) {
                c[issued ? 1 : 3] += r.licences();
                c[issued ? 2 : 4]++;
            }
            if (issued && r.value() != null) {
                v[0] = v[0] == null ? r.value() : v[0].add(r.value());
                c[7]++;
            }
            if (Illustrative.source(r.source())) c[8] = 1;
        });
        List<SummaryRow> rows = new ArrayList<>();
        counts.forEach((k, c) -> {
            BigDecimal value = values.get(k)[0];
            boolean illustrative = c[8] == 1;
            String country = (String) k.get(0);
            rows.add(new SummaryRow(
                    country,
                    countryName(country),
                    (Integer) k.get(1),
                    SummaryRow.LICENCES,
                    (String) k.get(2),
                    sum(c[1], c[2], c[5], illustrative),
                    sum(c[3], c[4], c[6], illustrative),
                    value == null
                            ? Figure.NOT_AVAILABLE
                            : new Figure(value, c[7] < c[5] ? Qualifier.AT_LEAST : Qualifier.EXACT, illustrative),
                    (String) k.get(3),
                    null,
                    null,
                    null,
                    c[0]));
        });
        String unrest = org.armswatch.unrest.CountedEvents.IS_UNREST_SQL;
        String acledFiles = fileNames(runId, "ACLED_EVENTS");
        jdbc.query(
                "SELECT country, SUBSTRING(event_month, 1, 4), source_kind, file_no,"
                        + " SUM(CASE WHEN " + unrest + " THEN events ELSE 0 END),"
                        + " SUM(CASE WHEN event_type = '" + org.armswatch.unrest.CountedEvents.CIVILIAN_TARGETING
                        + "' THEN events ELSE 0 END),"
                        + " SUM(CASE WHEN " + unrest + " THEN fatalities ELSE 0 END),"
                        + " SUM(CASE WHEN " + unrest + " THEN rows_counted ELSE 0 END),"
                        + " SUM(CASE WHEN " + unrest + " THEN rows_without_fatalities ELSE 0 END),"
                        + " SUM(illustrative_events)"
                        + " FROM aw_event_count WHERE run_id = ? AND superseded = FALSE"
                        + " GROUP BY country, SUBSTRING(event_month, 1, 4), source_kind, file_no",
                rs -> {
                    String country = rs.getString(1);
                    boolean hdx = rs.getString(3).equals("HDX");
                    boolean illustrative = rs.getLong(10) > 0;
                    long counted = rs.getLong(8);
                    long without = rs.getLong(9);
                    Figure fatalities = counted == without
                            ? Figure.NOT_AVAILABLE
                            : new Figure(
                                    BigDecimal.valueOf(rs.getLong(7)),
                                    without > 0 ? Qualifier.AT_LEAST : Qualifier.EXACT,
                                    illustrative);
                    rows.add(new SummaryRow(
                            country,
                            countryName(country),
                            Integer.parseInt(rs.getString(2)),
                            SummaryRow.UNREST,
                            hdx ? "HDX counts " + files.get(rs.getInt(4)) : "ACLED exports " + acledFiles,
                            null,
                            null,
                            null,
                            "",
                            new Figure(BigDecimal.valueOf(rs.getLong(5)), Qualifier.EXACT, illustrative),
                            new Figure(BigDecimal.valueOf(rs.getLong(6)), Qualifier.EXACT, illustrative),
                            fatalities,
                            rs.getLong(5)));
                },
                runId);
        rows.sort(java.util.Comparator.comparing(SummaryRow::countryName)
                .thenComparingInt(SummaryRow::year)
                .thenComparing(SummaryRow::kind)
                .thenComparing(SummaryRow::source)
                .thenComparing(SummaryRow::currency));
        return rows;
    }

    /** Detained or killed in one country and period, as a desk quotes them (see {@link ReportedTotal}). */
    public record Quote(
            String country,
            String countryName,
            Period period,
            String metric,
            org.armswatch.unrest.ReportedTotal.Quoted lowest,
            org.armswatch.unrest.ReportedTotal.Quoted latest) {}

    /**
     * The quoted figures for detained and killed of the whole country, the running total where a metric was reported
     * both as running totals and as new-in-period figures, as the Overview shows them.
     */
    public List<Quote> quotes(long runId) {
        Map<String, Quote> chosen = new java.util.LinkedHashMap<>();
        jdbc.query(
                "SELECT country, period, metric, basis, lowest_reported, lowest_reported_qualifier, lowest_reported_source,"
                        + " lowest_reported_on, latest_reported, latest_reported_qualifier, latest_reported_source, latest_reported_on"
                        + " FROM aw_reported_total WHERE run_id = ? AND region = '' AND metric IN ('detained', 'killed')"
                        + " AND lowest_reported IS NOT NULL ORDER BY country, period, metric, basis",
                rs -> {
                    String key = rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3);
                    if (chosen.containsKey(key) && !rs.getString(4).equals("cumulative")) return;
                    chosen.put(
                            key,
                            new Quote(
                                    rs.getString(1),
                                    countryName(rs.getString(1)),
                                    Period.ofIso(rs.getString(2)),
                                    rs.getString(3),
                                    quoted(rs, 5),
                                    quoted(rs, 9)));
                },
                runId);
        return List.copyOf(chosen.values());
    }

    private static org.armswatch.unrest.ReportedTotal.Quoted quoted(ResultSet rs, int from) throws SQLException {
        String source = rs.getString(from + 2);
        return new org.armswatch.unrest.ReportedTotal.Quoted(
                rs.getLong(from),
                Qualifier.ofWord(rs.getString(from + 1)),
                source,
                Period.ofIso(rs.getString(from + 3)),
                Illustrative.source(source));
    }

    /** A sum of counts where some rows may lack one: [x] where none gave one, "at least" where some did not. */
    private static Figure sum(long total, long given, long rows, boolean illustrative) {
        if (given == 0) return rows == 0 ? null : Figure.NOT_AVAILABLE;
        return new Figure(BigDecimal.valueOf(total), given < rows ? Qualifier.AT_LEAST : Qualifier.EXACT, illustrative);
    }

    public List<UnrestRow> unrest(long runId) {
        List<UnrestRow> rows = new ArrayList<>();
        String acledFiles = fileNames(runId, "ACLED_EVENTS");
        String hdxFiles = fileNames(runId, "HDX_COUNTS");
        jdbc.query(
                "SELECT source_kind, country, report_period, event_type, SUM(events), SUM(fatalities),"
                        + " SUM(rows_counted), SUM(rows_without_fatalities), SUM(illustrative_events) FROM aw_event_count"
                        + " WHERE run_id = ? AND superseded = FALSE GROUP BY source_kind, country, report_period, event_type",
                rs -> {
                    boolean hdx = rs.getString(1).equals("HDX");
                    long rowsCounted = rs.getLong(7);
                    long withoutFatalities = rs.getLong(8);
                    boolean illustrative = rs.getLong(9) > 0;
                    Figure fatalities = withoutFatalities == rowsCounted
                            ? Figure.NOT_AVAILABLE
                            : new Figure(
                                    BigDecimal.valueOf(rs.getLong(6)),
                                    withoutFatalities > 0 ? Qualifier.AT_LEAST : Qualifier.EXACT,
                                    illustrative);
                    rows.add(new UnrestRow(
                            rs.getString(2),
                            countryName(rs.getString(2)),
                            Period.ofIso(rs.getString(3)),
                            hdx ? UnrestRow.Kind.COUNTS : UnrestRow.Kind.EVENTS,
                            rs.getString(4),
                            "",
                            "",
                            new Figure(BigDecimal.valueOf(rs.getLong(5)), Qualifier.EXACT, illustrative),
                            fatalities,
                            null,
                            null,
                            null,
                            null,
                            hdx ? "HDX conflict-event counts: " + hdxFiles : "ACLED export: " + acledFiles));
                },
                runId);
        jdbc.query(
                "SELECT country, period, metric, basis, region, official, official_qualifier, highest,"
                        + " highest_qualifier, lowest, lowest_qualifier, source_count, sources FROM aw_reported_total"
                        + " WHERE run_id = ?",
                rs -> {
                    rows.add(new UnrestRow(
                            rs.getString(1),
                            countryName(rs.getString(1)),
                            Period.ofIso(rs.getString(2)),
                            UnrestRow.Kind.REPORTED,
                            rs.getString(3),
                            rs.getString(5),
                            rs.getString(4),
                            null,
                            null,
                            figure(rs, 6, 7),
                            figure(rs, 8, 9),
                            figure(rs, 10, 11),
                            rs.getInt(12),
                            rs.getString(13)));
                },
                runId);
        rows.sort((a, b) -> {
            int c = a.countryName().compareTo(b.countryName());
            if (c == 0) c = a.period().compareTo(b.period());
            if (c == 0) c = a.kind().compareTo(b.kind());
            if (c == 0) c = a.typeOrMetric().compareTo(b.typeOrMetric());
            if (c == 0) c = a.region().compareTo(b.region());
            if (c == 0) c = a.basis().compareTo(b.basis());
            return c;
        });
        return rows;
    }

    private String fileNames(long runId, String shape) {
        return String.join(
                "; ",
                jdbc.queryForList(
                        "SELECT name FROM aw_source_file WHERE run_id = ? AND shape = ? ORDER BY file_no",
                        String.class,
                        runId,
                        shape));
    }

    public void forEachDataQualityRow(long runId, Consumer<DataQualityRow> sink) {
        jdbc.query(
                "SELECT f.name, r.line, r.kind, r.raw, r.reason FROM aw_rejected_row r"
                        + " JOIN aw_source_file f ON f.run_id = r.run_id AND f.file_no = r.file_no"
                        + " WHERE r.run_id = ? ORDER BY r.file_no, r.line, r.kind",
                rs -> {
                    sink.accept(new DataQualityRow(
                            rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                },
                runId);
    }

    /** What the job could not be sure of (see {@link RunWarnings}). */
    public List<RunWarnings.Shown> warnings(long runId) {
        return new RunWarnings(jdbc).of(runId);
    }

    /** Reasons of rejected rows and how often each occurs, per file: what the cron mail says on failure. */
    public Map<String, Long> rejectReasonCounts(long runId, int fileNo) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT reason, COUNT(*) FROM aw_rejected_row WHERE run_id = ? AND file_no = ? AND kind = 'rejected'"
                        + " GROUP BY reason ORDER BY COUNT(*) DESC, reason",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                },
                runId,
                fileNo);
        return counts;
    }

    private static Figure figure(ResultSet rs, int valueColumn, int qualifierColumn) throws SQLException {
        BigDecimal value = rs.getBigDecimal(valueColumn);
        return value == null
                ? Figure.NOT_AVAILABLE
                : new Figure(value, Qualifier.ofWord(rs.getString(qualifierColumn)));
    }
}

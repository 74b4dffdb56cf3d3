package org.armswatch.aggregate;

import java.util.LinkedHashMap;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.armswatch.country.Country;
import org.armswatch.country.CountryResolver;
import org.armswatch.input.Illustrative;
import org.armswatch.period.Period;
import org.armswatch.unrest.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads one run's results for the workbook and the charts, in a stable order so that the same
 * inputs give the same workbook. The workbook never sees SQL: it receives these rows.
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
        jdbc.query("SELECT country, period, sources, reported FROM aw_overview_text WHERE run_id = ?",
                rs -> { texts.put(rs.getString(1) + "|" + rs.getString(2), new String[] {rs.getString(3), rs.getString(4)}); },
                runId);
        jdbc.query("SELECT country, period, measure, figure, qualifier, illustrative FROM aw_figure WHERE run_id = ?"
                + " ORDER BY country, period", rs -> {
            String country = rs.getString(1);
            String period = rs.getString(2);
            if (!country.equals(current[0]) || !period.equals(current[1])) {
                current[0] = country;
                current[1] = period;
                figures[0] = new TreeMap<>();
                String[] text = texts.getOrDefault(country + "|" + period, new String[] {"", ""});
                rows.add(new OverviewRow(country, countryName(country), Period.ofIso(period), figures[0], text[0], text[1]));
            }
            Figure f = figure(rs, 4, 5);
            figures[0].put(Indicator.ofKey(rs.getString(3)), f.available() && rs.getBoolean(6)
                    ? new Figure(f.value(), f.qualifier(), true) : f);
        }, runId);
        // ISO period strings sort yearly "2021" before "2021-Q1", as a reader expects.
        rows.sort((a, b) -> a.countryName().equals(b.countryName())
                ? a.period().compareTo(b.period()) : a.countryName().compareTo(b.countryName()));
        return rows;
    }

    public void forEachLicenceRow(long runId, Consumer<LicenceRow> sink) {
        LicenceRowMerger merger = new LicenceRowMerger(sink, fileNames(runId));
        new StagedLicences(jdbc).forEach(runId, merger::add);
        merger.finish();
    }

    /** The licence rows where the country is the destination, then those where it is the exporter: its own workbook's Licences sheet. */
    public void forEachLicenceRow(long runId, String country, Consumer<LicenceRow> sink) {
        LicenceRowMerger merger = new LicenceRowMerger(sink, fileNames(runId));
        new StagedLicences(jdbc).forEachOf(runId, country, merger::add);
        merger.finish();
    }

    private Map<Integer, String> fileNames(long runId) {
        Map<Integer, String> files = new java.util.HashMap<>();
        jdbc.query("SELECT file_no, name FROM aw_source_file WHERE run_id = ?",
                rs -> { files.put(rs.getInt(1), rs.getString(2)); }, runId);
        return files;
    }

    /** What differs from the previous run (see {@link RunComparison}): the Changes sheet and the Overview's [r]. */
    public RunChanges changes(long runId) {
        return new RunComparison(jdbc, this).changes(runId);
    }

    /**
     * Rows of one file that share exporter, destination, report period, category, status and currency (quarters
     * rolled up into a year, a licence list's rows summed) make one sheet row. The run's rows come in the sheet's order and are merged
     * here as they stream past: an SQL GROUP BY kept an aggregate and a set of sources for every group in memory.
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
            add(r.exporter(), r.destination(), r.reportPeriod(), r.category(), r.status(), r.currency(), r.licences(),
                    r.value(), r.source(), r.fileNo());
        }

        private void add(String exporter, String destination, String period, String category, String status,
                         String currency, Long licences, BigDecimal value, String source, int fileNo) {
            if (fileNo != this.fileNo || !destination.equals(this.destination) || !period.equals(this.period)
                    || !exporter.equals(this.exporter) || !category.equals(this.category) || !status.equals(this.status)
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
                licenceSum = licenceSum == null ? BigDecimal.valueOf(licences) : licenceSum.add(BigDecimal.valueOf(licences));
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
            String shown = sources <= 1 ? firstSource
                    : firstSource + "; " + lastSource + (sources > 2 ? " and " + (sources - 2) + " more" : "");
            Figure licences = withLicences == 0 ? Figure.NOT_AVAILABLE : new Figure(licenceSum,
                    withLicences < rows ? Qualifier.AT_LEAST : Qualifier.EXACT, illustrative);
            Figure value = withValue == 0 ? Figure.NOT_AVAILABLE
                    : new Figure(valueSum, withValue < rows ? Qualifier.AT_LEAST : Qualifier.EXACT, illustrative);
            sink.accept(new LicenceRow(exporter, countryName(exporter), destination, countryName(destination),
                    Period.ofIso(period), category, status, rows, licences, value, currency, shown, files.get(fileNo)));
        }

        void finish() {
            emit();
        }
    }

    public List<UnrestRow> unrest(long runId) {
        List<UnrestRow> rows = new ArrayList<>();
        String acledFiles = fileNames(runId, "ACLED_EVENTS");
        String hdxFiles = fileNames(runId, "HDX_COUNTS");
        jdbc.query("SELECT source_kind, country, report_period, event_type, SUM(events), SUM(fatalities),"
                + " SUM(rows_counted), SUM(rows_without_fatalities), SUM(illustrative_events) FROM aw_event_count"
                + " WHERE run_id = ? AND superseded = FALSE GROUP BY source_kind, country, report_period, event_type", rs -> {
            boolean hdx = rs.getString(1).equals("HDX");
            long rowsCounted = rs.getLong(7);
            long withoutFatalities = rs.getLong(8);
            boolean illustrative = rs.getLong(9) > 0;
            Figure fatalities = withoutFatalities == rowsCounted ? Figure.NOT_AVAILABLE
                    : new Figure(BigDecimal.valueOf(rs.getLong(6)), withoutFatalities > 0 ? Qualifier.AT_LEAST : Qualifier.EXACT,
                    illustrative);
            rows.add(new UnrestRow(rs.getString(2), countryName(rs.getString(2)), Period.ofIso(rs.getString(3)),
                    hdx ? UnrestRow.Kind.COUNTS : UnrestRow.Kind.EVENTS, rs.getString(4), "", "",
                    new Figure(BigDecimal.valueOf(rs.getLong(5)), Qualifier.EXACT, illustrative), fatalities, null, null, null, null,
                    hdx ? "HDX conflict-event counts: " + hdxFiles : "ACLED export: " + acledFiles));
        }, runId);
        jdbc.query("SELECT country, period, metric, basis, region, official, official_qualifier, highest,"
                + " highest_qualifier, lowest, lowest_qualifier, source_count, sources FROM aw_reported_total"
                + " WHERE run_id = ?", rs -> {
            rows.add(new UnrestRow(rs.getString(1), countryName(rs.getString(1)), Period.ofIso(rs.getString(2)),
                    UnrestRow.Kind.REPORTED, rs.getString(3), rs.getString(5), rs.getString(4), null, null,
                    figure(rs, 6, 7), figure(rs, 8, 9), figure(rs, 10, 11), rs.getInt(12), rs.getString(13)));
        }, runId);
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
        return String.join("; ", jdbc.queryForList(
                "SELECT name FROM aw_source_file WHERE run_id = ? AND shape = ? ORDER BY file_no", String.class, runId, shape));
    }

    public void forEachDataQualityRow(long runId, Consumer<DataQualityRow> sink) {
        jdbc.query("SELECT f.name, r.line, r.kind, r.raw, r.reason FROM aw_rejected_row r"
                + " JOIN aw_source_file f ON f.run_id = r.run_id AND f.file_no = r.file_no"
                + " WHERE r.run_id = ? ORDER BY r.file_no, r.line, r.kind", rs -> {
            sink.accept(new DataQualityRow(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)));
        }, runId);
    }

    /** What the job could not be sure of (see {@link RunWarnings}). */
    public List<RunWarnings.Shown> warnings(long runId) {
        return new RunWarnings(jdbc).of(runId);
    }

    /** Reasons of rejected rows and how often each occurs, per file: what the cron mail says on failure. */
    public Map<String, Long> rejectReasonCounts(long runId, int fileNo) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT reason, COUNT(*) FROM aw_rejected_row WHERE run_id = ? AND file_no = ? AND kind = 'rejected'"
                + " GROUP BY reason ORDER BY COUNT(*) DESC, reason", rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        }, runId, fileNo);
        return counts;
    }

    private static Figure figure(ResultSet rs, int valueColumn, int qualifierColumn) throws SQLException {
        BigDecimal value = rs.getBigDecimal(valueColumn);
        return value == null ? Figure.NOT_AVAILABLE : new Figure(value, Qualifier.ofWord(rs.getString(qualifierColumn)));
    }
}

package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.armswatch.input.InputFile;
import org.armswatch.input.InputScan;
import org.armswatch.input.InputShape;
import org.armswatch.input.RejectedRow;
import org.armswatch.licence.LicenceFigure;
import org.armswatch.period.Granularity;
import org.armswatch.period.Period;
import org.armswatch.unrest.CountedEvents;
import org.armswatch.unrest.ReportedFigure;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what the readers produced into the run's staging tables, with batched statements. Each call is meant to run
 * inside the step's transaction, so a file's rows and its "staged" mark commit together and a restart never sees half a
 * file.
 */
public final class StagingStore {

    private static final int BATCH = 2_000;
    /** Licence files run to hundreds of thousands of rows; fewer round trips through the batch. */
    /**
     * A bound on a rejected row's raw text, so that a broken quote that swallowed a file cannot fill the database; the
     * workbook cuts what is longer than a cell (32,767 characters) and marks the cut.
     */
    static final int MAX_RAW = 1_000_000;

    private final JdbcTemplate jdbc;

    public StagingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records the run and its input files, unless a resumed run recorded them already. A file's SHA-256, and its
     * charset unless configured, stay null until the reader that stages it has read every byte ({@link #markStaged}).
     */
    public boolean beginRun(long runId, LocalDate runDate, Granularity period, List<InputFile> files) {
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM aw_run WHERE run_id = ?", Integer.class, runId);
        if (known != null && known > 0) {
            return false;
        }
        jdbc.update(
                "INSERT INTO aw_run (run_id, run_date, report_period, status) VALUES (?, ?, ?, 'STAGING')",
                runId,
                Date.valueOf(runDate),
                period.name().toLowerCase(Locale.ROOT));
        jdbc.batchUpdate(
                "INSERT INTO aw_source_file (run_id, file_no, name, shape, sha256, bytes, encoding, delimiter,"
                        + " decimal_comma, staged, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE, ?)",
                files,
                BATCH,
                (ps, f) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, f.fileNo());
                    ps.setString(3, f.name());
                    ps.setString(4, f.shape().name());
                    ps.setString(5, f.scan().sha256());
                    ps.setLong(6, f.scan().bytes());
                    ps.setString(7, f.scan().utf8Unconfirmed() ? null : encoding(f.scan()));
                    ps.setString(
                            8,
                            f.scan().dialect().delimiter() == '\t'
                                    ? "tab"
                                    : String.valueOf(f.scan().dialect().delimiter()));
                    ps.setBoolean(9, f.scan().dialect().decimalComma());
                    ps.setString(
                            10,
                            String.join(
                                    "\n",
                                    f.scan().notes().stream()
                                            .map(n -> f.name() + ": " + n)
                                            .toList()));
                });
        return true;
    }

    /**
     * Marks the run complete and drops the row-level staging of earlier runs: the next run compares with this one's
     * figures (aw_figure), which are kept for every run.
     */
    public void completeRun(long runId) {
        jdbc.update("UPDATE aw_run SET status = 'COMPLETED', completed_at = CURRENT_TIMESTAMP WHERE run_id = ?", runId);
        // Only runs that are over: a failed or stopped run may still be resumed and needs its rows.
        for (String table : List.of(
                "aw_licence_block",
                "aw_licence_row",
                "aw_licence_span",
                "aw_event_count",
                "aw_reported_figure",
                "aw_rejected_row",
                "aw_warning",
                "aw_event_source")) {
            jdbc.update(
                    "DELETE FROM " + table + " WHERE run_id < ? AND run_id IN"
                            + " (SELECT run_id FROM aw_run WHERE status IN ('COMPLETED', 'ABANDONED'))",
                    runId);
        }
    }

    /** A failed run that will not be resumed (its inputs changed, or --rerun): its rows may go. */
    public void abandonRun(long runId) {
        jdbc.update("UPDATE aw_run SET status = 'ABANDONED' WHERE run_id = ? AND status <> 'COMPLETED'", runId);
    }

    /** Money shows without decimals unless some value has cents; the same decimals down a column. */
    public boolean licenceValuesHaveCents(long runId) {
        Integer n = jdbc.queryForObject(
                "SELECT COUNT(*) FROM aw_source_file WHERE run_id = ? AND value_cents = TRUE", Integer.class, runId);
        return n != null && n > 0;
    }

    public String fileName(long runId, int fileNo) {
        return jdbc.queryForObject(
                "SELECT name FROM aw_source_file WHERE run_id = ? AND file_no = ?", String.class, runId, fileNo);
    }

    public String sha256(long runId, int fileNo) {
        return jdbc.queryForObject(
                "SELECT sha256 FROM aw_source_file WHERE run_id = ? AND file_no = ?", String.class, runId, fileNo);
    }

    /** "UTF-8 with BOM", "windows-1252": as the run records a file's charset. */
    public static String encoding(InputScan scan) {
        return scan.dialect().charset().name() + (scan.bom() ? " with BOM" : "");
    }

    public void markStaged(
            long runId,
            int fileNo,
            InputScan readAs,
            String sha256,
            int read,
            int used,
            int rejected,
            int replaced,
            List<String> notes) {
        markStaged(runId, fileNo, readAs, sha256, read, used, rejected, replaced, 0, notes);
    }

    /**
     * @param readAs the file as it was read: its charset is recorded, now that every byte was seen
     * @param sha256 of the bytes read
     * @param skipped rows passed over on purpose (HDX rows below country level), neither used nor rejected
     */
    public void markStaged(
            long runId,
            int fileNo,
            InputScan readAs,
            String sha256,
            int read,
            int used,
            int rejected,
            int replaced,
            int skipped,
            List<String> notes) {
        // The scan's notes come first; the reader's follow on a line of their own (no CHAR/CHR: H2 and PostgreSQL
        // differ).
        String added = String.join("\n", notes);
        jdbc.update(
                "UPDATE aw_source_file SET staged = TRUE, sha256 = ?, bytes = ?, encoding = ?, rows_read = ?,"
                        + " rows_used = ?, rows_rejected = ?, rows_replaced = ?, rows_skipped = ?,"
                        + " notes = CASE WHEN notes = '' THEN ? WHEN ? = '' THEN notes ELSE notes || ? END"
                        + " WHERE run_id = ? AND file_no = ?",
                sha256,
                readAs.bytes(),
                encoding(readAs),
                read,
                used,
                rejected,
                replaced,
                skipped,
                added,
                added,
                "\n" + added,
                runId,
                fileNo);
    }

    /**
     * A file's licence rows in the order the Licences sheet reads them (see {@link StagedLicences}), to be stored a
     * block at a time ({@link LicenceBlocks#store}) and then the key range of each destination and each exporter, and
     * whether any value has cents ({@link LicenceBlocks#storeSpans}).
     */
    public LicenceBlocks licenceBlocks(long runId, int fileNo, List<LicenceFigure> figures, Granularity report) {
        // A file has a few hundred distinct periods: their texts are made once, not twice a row.
        Map<Period, String[]> periodTexts = new HashMap<>();
        List<StagedLicences.Row> rows = new ArrayList<>(figures.size());
        for (LicenceFigure f : figures) {
            String[] period = periodTexts.computeIfAbsent(
                    f.period(), p -> new String[] {p.iso(), p.rollUpTo(report).iso()});
            rows.add(new StagedLicences.Row(
                    f.exporter(),
                    f.destination(),
                    period[0],
                    period[1],
                    f.category(),
                    f.status().word(),
                    f.licences(),
                    f.value(),
                    f.currency(),
                    f.source(),
                    fileNo));
        }
        rows.sort(StagedLicences.FILE_ORDER);
        StagedLicences.key(runId, fileNo, Math.max(0, rows.size() - 1)); // refuses a file too long for its keys
        return new LicenceBlocks(runId, fileNo, rows);
    }

    /** A file's sorted licence rows, stored block by block, each block in a chunk of the staging step. */
    public final class LicenceBlocks {
        private final long runId;
        private final int fileNo;
        private final List<StagedLicences.Row> rows;

        private LicenceBlocks(long runId, int fileNo, List<StagedLicences.Row> rows) {
            this.runId = runId;
            this.fileNo = fileNo;
            this.rows = rows;
        }

        public int count() {
            return StagedLicences.blocks(rows.size());
        }

        /** Rows in the b-th block. */
        public int rows(int b) {
            return Math.min(LicenceBlock.ROWS, rows.size() - b * LicenceBlock.ROWS);
        }

        public void store(int b) {
            new StagedLicences(jdbc).storeBlock(runId, fileNo, rows, b);
        }

        /** Removes the blocks stored of an earlier reading of the file. */
        public void forgetStored() {
            new StagedLicences(jdbc).forget(runId, fileNo);
        }

        /** The key range of each destination and exporter, and whether any value has cents: once every block is in. */
        public void storeSpans() {
            long first = StagedLicences.key(runId, fileNo, 0);
            Map<String, long[]> destinations = new LinkedHashMap<>();
            Map<String, long[]> exporters = new TreeMap<>();
            boolean cents = false;
            for (int i = 0; i < rows.size(); i++) {
                StagedLicences.Row r = rows.get(i);
                long key = first + i;
                destinations.computeIfAbsent(r.destination(), d -> new long[] {key, key})[1] = key;
                exporters.computeIfAbsent(r.exporter(), d -> new long[] {key, key})[1] = key;
                cents |=
                        r.value() != null && r.value().remainder(BigDecimal.ONE).signum() != 0;
            }
            List<Object[]> spans = new ArrayList<>();
            destinations.forEach(
                    (c, range) -> spans.add(new Object[] {runId, fileNo, "destination", c, range[0], range[1]}));
            exporters.forEach((c, range) -> spans.add(new Object[] {runId, fileNo, "exporter", c, range[0], range[1]}));
            jdbc.batchUpdate(
                    "INSERT INTO aw_licence_span (run_id, file_no, role, country, first_key, last_key)"
                            + " VALUES (?, ?, ?, ?, ?, ?)",
                    spans);
            jdbc.update(
                    "UPDATE aw_source_file SET value_cents = ? WHERE run_id = ? AND file_no = ?", cents, runId, fileNo);
        }
    }

    /**
     * Whether the run began under an earlier version, which staged licence rows into aw_licence or, a row a database
     * row, into aw_licence_row: such a run cannot be resumed, as its staged rows are not where this version reads them.
     */
    public boolean stagedByEarlierVersion(long runId) {
        Integer rows =
                jdbc.queryForObject("SELECT COUNT(*) FROM aw_licence_row WHERE run_id = ?", Integer.class, runId);
        if (rows != null && rows > 0) return true;
        Integer blocks = jdbc.queryForObject(
                "SELECT COUNT(*) FROM aw_licence_block WHERE run_id = ? AND format <> ?",
                Integer.class,
                runId,
                LicenceBlock.FORMAT);
        if (blocks != null && blocks > 0) return true;
        Integer tables = jdbc.queryForObject(
                "SELECT COUNT(*) FROM INFORMATION_SCHEMA.TABLES" + " WHERE LOWER(TABLE_NAME) = 'aw_licence'",
                Integer.class);
        if (tables == null || tables == 0) return false;
        rows = jdbc.queryForObject("SELECT COUNT(*) FROM aw_licence WHERE run_id = ?", Integer.class, runId);
        return rows != null && rows > 0;
    }

    public void insertReportedFigures(long runId, List<ReportedFigure> figures) {
        jdbc.batchUpdate(
                "INSERT INTO aw_reported_figure (run_id, file_no, line, country, reported_on, region, metric,"
                        + " figure, qualifier, basis, source, source_type, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                figures,
                BATCH,
                (ps, f) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, f.fileNo());
                    ps.setLong(3, f.line());
                    ps.setString(4, f.country());
                    ps.setString(5, f.reportedOn().iso());
                    ps.setString(6, f.region());
                    ps.setString(7, f.metric());
                    ps.setLong(8, f.value());
                    ps.setString(9, f.qualifier().word());
                    ps.setString(10, f.basis().word());
                    ps.setString(11, f.source());
                    ps.setString(12, f.sourceType());
                    ps.setString(13, f.notes());
                });
    }

    /**
     * @param sourceKind "ACLED" for counted events, "HDX" for published counts
     * @param fileNo the HDX file the counts came from; 0 for ACLED, de-duplicated across its files already
     */
    public void insertEventCounts(
            long runId, String sourceKind, int fileNo, List<CountedEvents> counts, Granularity report) {
        jdbc.batchUpdate(
                "INSERT INTO aw_event_count (run_id, source_kind, country, event_month, report_period, event_type,"
                        + " events, fatalities, rows_counted, rows_without_fatalities, file_no, illustrative_events)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                counts,
                BATCH,
                (ps, c) -> {
                    ps.setLong(1, runId);
                    ps.setString(2, sourceKind);
                    ps.setString(3, c.country());
                    ps.setString(4, c.month().iso());
                    ps.setString(5, c.month().rollUpTo(report).iso());
                    ps.setString(6, c.eventType());
                    ps.setLong(7, c.events());
                    ps.setLong(8, c.fatalities());
                    ps.setLong(9, c.rows());
                    ps.setLong(10, c.rowsWithoutFatalities());
                    ps.setInt(11, fileNo);
                    ps.setLong(12, c.illustrativeEvents());
                });
    }

    /** @param kind "rejected", or "replaced" for an earlier duplicate that a later row replaced */
    public void insertRejected(long runId, int fileNo, String kind, List<RejectedRow> rows) {
        jdbc.batchUpdate(
                "INSERT INTO aw_rejected_row (run_id, file_no, line, kind, raw, reason) VALUES (?, ?, ?, ?, ?, ?)",
                rows,
                BATCH,
                (ps, r) -> {
                    ps.setLong(1, runId);
                    ps.setInt(2, fileNo);
                    ps.setLong(3, r.line());
                    ps.setString(4, kind);
                    ps.setString(
                            5,
                            r.raw() == null || r.raw().length() <= MAX_RAW
                                    ? r.raw()
                                    : r.raw().substring(0, MAX_RAW));
                    ps.setString(
                            6,
                            r.reason().length() <= 2000
                                    ? r.reason()
                                    : r.reason().substring(0, 2000));
                });
    }

    /** The countries and months each ACLED export holds events of: the Overview names its sources from them. */
    public void insertEventSources(long runId, Map<Integer, List<String[]>> cellsByFile) {
        List<Object[]> rows = new ArrayList<>();
        cellsByFile.forEach((fileNo, cells) -> cells.forEach(c -> rows.add(new Object[] {runId, fileNo, c[0], c[1]})));
        jdbc.batchUpdate(
                "INSERT INTO aw_event_source (run_id, file_no, country, event_month) VALUES (?, ?, ?, ?)", rows);
    }

    /** A warning for the run as a whole, written when its inputs are found (files beside them that are not read). */
    public void insertRunWarning(long runId, String message) {
        new RunWarnings(jdbc).add(runId, RunWarnings.FIND, List.of(new RunWarnings.Warning(0, message)));
    }

    /** What staging could not be sure of, committed with the rows it concerns. */
    public void insertWarnings(long runId, List<RunWarnings.Warning> warnings) {
        new RunWarnings(jdbc).add(runId, RunWarnings.STAGE, warnings);
    }

    /** File numbers by name, for rows that name their file (a duplicate may sit in another file). */
    public Map<String, Integer> fileNumbers(long runId) {
        Map<String, Integer> byName = new HashMap<>();
        jdbc.query(
                "SELECT name, file_no FROM aw_source_file WHERE run_id = ?",
                rs -> {
                    byName.put(rs.getString(1), rs.getInt(2));
                },
                runId);
        return byName;
    }

    /** The run's input files by number, as warnings, sources and the Licences sheet name them. */
    Map<Integer, String> fileNames(long runId) {
        Map<Integer, String> files = new HashMap<>();
        jdbc.query(
                "SELECT file_no, name FROM aw_source_file WHERE run_id = ?",
                rs -> {
                    files.put(rs.getInt(1), rs.getString(2));
                },
                runId);
        return files;
    }

    public List<SourceFileRecord> sourceFiles(long runId) {
        return new ArrayList<>(jdbc.query(SOURCE_FILE + " WHERE run_id = ? ORDER BY file_no", SOURCE_FILE_ROW, runId));
    }

    /** One file as the run recorded it, by its primary key: a partition's file among thousands. */
    public SourceFileRecord sourceFile(long runId, int fileNo) {
        List<SourceFileRecord> found =
                jdbc.query(SOURCE_FILE + " WHERE run_id = ? AND file_no = ?", SOURCE_FILE_ROW, runId, fileNo);
        if (found.isEmpty()) throw new IllegalStateException("file " + fileNo + " was not recorded");
        return found.get(0);
    }

    private static final String SOURCE_FILE = "SELECT file_no, name, shape, sha256, bytes, encoding, staged, rows_read,"
            + " rows_used, rows_rejected, rows_replaced, rows_skipped, notes FROM aw_source_file";

    private static final org.springframework.jdbc.core.RowMapper<SourceFileRecord> SOURCE_FILE_ROW =
            (rs, i) -> new SourceFileRecord(
                    rs.getInt(1),
                    rs.getString(2),
                    InputShape.valueOf(rs.getString(3)),
                    rs.getString(4),
                    rs.getLong(5),
                    rs.getString(6),
                    rs.getBoolean(7),
                    rs.getInt(8),
                    rs.getInt(9),
                    rs.getInt(10),
                    rs.getInt(11),
                    rs.getInt(12),
                    rs.getString(13));
}

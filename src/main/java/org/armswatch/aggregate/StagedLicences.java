package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's staged licence rows in the Licences sheet's order: destination, report period, exporter,
 * category and status, then file, then the file's own order (source, period). Staging stores each
 * file's rows in that order under a key of run, file and position ({@link #key}), so reading them is
 * a walk along the primary key for each file and a merge of the files, in pages: an ORDER BY over a
 * large run made the database spool every row and read it back, and indexes on destination and
 * exporter cost every staged row. A country's rows are found through the spans staging recorded.
 */
final class StagedLicences {

    /** One staged row as the sheet and the aggregation need it. */
    record Row(String exporter, String destination, String period, String reportPeriod, String category,
               String status, Long licences, BigDecimal valueEur, String source, int fileNo) {

        /** A figure for the whole report period, not one of the finer ones that roll up into it. */
        boolean isTotal() {
            return period.equals(reportPeriod);
        }
    }

    /** The Licences sheet's order of rows from different files; within a file, staging's order stands. */
    static final Comparator<Row> SHEET_ORDER = Comparator.comparing(Row::destination)
            .thenComparing(Row::reportPeriod).thenComparing(Row::exporter).thenComparing(Row::category)
            .thenComparing(Row::status);

    /** The order staging stores a file's rows in. */
    static final Comparator<Row> FILE_ORDER = SHEET_ORDER.thenComparing(Row::source).thenComparing(Row::period);

    private static final int RUN_BITS = 23;
    private static final int FILE_BITS = 12;
    private static final int POSITION_BITS = 28;
    private static final int PAGE = 5_000;

    private final JdbcTemplate jdbc;

    StagedLicences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row's key: run, file and position in one BIGINT, so that the table's primary key is its storage order. */
    static long key(long runId, int fileNo, long position) {
        if (runId < 0 || runId >= 1L << RUN_BITS || fileNo < 0 || fileNo >= 1 << FILE_BITS
                || position < 0 || position >= 1L << POSITION_BITS) {
            throw new IllegalStateException("licence row key out of range: run " + runId + " (at most "
                    + ((1L << RUN_BITS) - 1) + "), file " + fileNo + " (at most " + ((1 << FILE_BITS) - 1)
                    + "), row " + position + " (at most " + ((1L << POSITION_BITS) - 1) + ")");
        }
        return runId << (FILE_BITS + POSITION_BITS) | (long) fileNo << POSITION_BITS | position;
    }

    /** Every licence row of the run, in the sheet's order. */
    void forEach(long runId, Consumer<Row> sink) {
        List<Cursor> files = new ArrayList<>();
        for (int fileNo : jdbc.queryForList("SELECT file_no FROM aw_source_file WHERE run_id = ? AND shape = 'LICENCES'"
                + " ORDER BY file_no", Integer.class, runId)) {
            files.add(new Cursor(key(runId, fileNo, 0), key(runId, fileNo, (1L << POSITION_BITS) - 1), null));
        }
        merge(files, sink);
    }

    /** The rows where the country is the destination, then those where it is the exporter of another's, each in the sheet's order. */
    void forEachOf(long runId, String country, Consumer<Row> sink) {
        merge(spans(runId, "destination", country, null), sink);
        merge(spans(runId, "exporter", country, country), sink);
    }

    private List<Cursor> spans(long runId, String role, String country, String exporter) {
        return jdbc.query("SELECT first_key, last_key FROM aw_licence_span WHERE run_id = ? AND role = ? AND country = ?"
                + " ORDER BY file_no", (rs, i) -> new Cursor(rs.getLong(1), rs.getLong(2), exporter), runId, role, country);
    }

    private static void merge(List<Cursor> files, Consumer<Row> sink) {
        files.forEach(Cursor::fill);
        while (true) {
            Cursor least = null;
            for (Cursor c : files) {
                if (c.rows.isEmpty()) continue;
                // Files were listed by number: of two equal keys, the earlier file's row comes first.
                if (least == null || SHEET_ORDER.compare(c.rows.peek(), least.rows.peek()) < 0) least = c;
            }
            if (least == null) return;
            sink.accept(least.rows.poll());
            if (least.rows.isEmpty()) least.fill();
        }
    }

    /** One file's rows between two keys, a page at a time; only those of one exporter (not to itself) when given. */
    private final class Cursor {
        private long next;
        private final long last;
        private final String exporter;
        private final ArrayDeque<Row> rows = new ArrayDeque<>();

        Cursor(long first, long last, String exporter) {
            this.next = first;
            this.last = last;
            this.exporter = exporter;
        }

        void fill() {
            if (next > last) return;
            long[] lastRead = {-1};
            Object[] args = exporter == null ? new Object[] {next, last} : new Object[] {next, last, exporter, exporter};
            jdbc.query("SELECT row_key, exporter, destination, period, report_period, category, status, licences, value_eur,"
                    + " source, file_no FROM aw_licence_row WHERE row_key >= ? AND row_key <= ?"
                    + (exporter == null ? "" : " AND exporter = ? AND destination <> ?")
                    + " ORDER BY row_key LIMIT " + PAGE, rs -> {
                lastRead[0] = rs.getLong(1);
                long count = rs.getLong(8);
                Long licences = rs.wasNull() ? null : count;
                rows.add(new Row(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), licences, rs.getBigDecimal(9), rs.getString(10), rs.getInt(11)));
            }, args);
            next = rows.size() < PAGE ? last + 1 : lastRead[0] + 1;
        }
    }
}

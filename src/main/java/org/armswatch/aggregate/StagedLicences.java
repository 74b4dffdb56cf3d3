package org.armswatch.aggregate;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A run's staged licence rows in the Licences sheet's order: destination, report period, exporter, category, status and
 * currency, then file, then the file's own order (source, period). Staging stores each file's rows in that order,
 * {@link LicenceBlock#ROWS} to a block, under a key of run, file and position ({@link #key}), so reading them is a walk
 * along the primary key for each file and a merge of the files: an ORDER BY over a large run made the database spool
 * every row and read it back, indexes on destination and exporter cost every staged row, and a row a database row cost
 * more than reading the input. A country's rows are found through the spans staging recorded.
 */
final class StagedLicences {

    /** One staged row as the sheet and the aggregation need it. */
    record Row(
            String exporter,
            String destination,
            String period,
            String reportPeriod,
            String category,
            String status,
            Long licences,
            BigDecimal value,
            String currency,
            String source,
            int fileNo) {

        /** A figure for the whole report period, not one of the finer ones that roll up into it. */
        boolean isTotal() {
            return period.equals(reportPeriod);
        }
    }

    /** The Licences sheet's order of rows from different files; within a file, staging's order stands. */
    static final Comparator<Row> SHEET_ORDER = Comparator.comparing(Row::destination)
            .thenComparing(Row::reportPeriod)
            .thenComparing(Row::exporter)
            .thenComparing(Row::category)
            .thenComparing(Row::status)
            .thenComparing(Row::currency);

    /** The order staging stores a file's rows in. */
    static final Comparator<Row> FILE_ORDER =
            SHEET_ORDER.thenComparing(Row::source).thenComparing(Row::period);

    /** A million runs, 32,767 input files a run (an input folder of ten thousand files), 268 million rows a file. */
    private static final int RUN_BITS = 20;

    private static final int FILE_BITS = 15;
    private static final int POSITION_BITS = 28;
    /** Blocks read at once by a file's cursor. */
    private static final int PAGE = 4;

    private final JdbcTemplate jdbc;

    StagedLicences(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A row's key: run, file and position in one BIGINT, so that the table's primary key is its storage order. */
    static long key(long runId, int fileNo, long position) {
        if (runId < 0
                || runId >= 1L << RUN_BITS
                || fileNo < 0
                || fileNo >= 1 << FILE_BITS
                || position < 0
                || position >= 1L << POSITION_BITS) {
            throw new IllegalStateException("licence row key out of range: run " + runId + " (at most "
                    + ((1L << RUN_BITS) - 1) + "), file " + fileNo + " (at most " + ((1 << FILE_BITS) - 1)
                    + "), row " + position + " (at most " + ((1L << POSITION_BITS) - 1) + ")");
        }
        return runId << (FILE_BITS + POSITION_BITS) | (long) fileNo << POSITION_BITS | position;
    }

    /** Blocks of a file of this many rows. */
    static int blocks(int rows) {
        return (rows + LicenceBlock.ROWS - 1) / LicenceBlock.ROWS;
    }

    /**
     * Stores the b-th block of a file's rows, sorted in {@link #FILE_ORDER}: the n-th row gets the key of position n,
     * so a block stored again after a restart is the same block under the same key.
     */
    void storeBlock(long runId, int fileNo, List<Row> sorted, int b) {
        int from = b * LicenceBlock.ROWS;
        List<Row> rows = sorted.subList(from, Math.min(sorted.size(), from + LicenceBlock.ROWS));
        jdbc.update(
                "INSERT INTO aw_licence_block (first_key, run_id, file_no, row_count, data, format)"
                        + " VALUES (?, ?, ?, ?, ?, " + LicenceBlock.FORMAT + ")",
                key(runId, fileNo, from),
                runId,
                fileNo,
                rows.size(),
                LicenceBlock.encode(rows));
    }

    /** Forgets the blocks a file's first chunks stored, when the file changed before its last one. */
    void forget(long runId, int fileNo) {
        jdbc.update("DELETE FROM aw_licence_block WHERE run_id = ? AND file_no = ?", runId, fileNo);
    }

    /** Every licence row of the run, in the sheet's order. */
    void forEach(long runId, Consumer<Row> sink) {
        List<Cursor> files = new ArrayList<>();
        for (int fileNo : jdbc.queryForList(
                "SELECT file_no FROM aw_source_file WHERE run_id = ? AND shape = 'LICENCES'" + " ORDER BY file_no",
                Integer.class,
                runId)) {
            files.add(new Cursor(key(runId, fileNo, 0), key(runId, fileNo, (1L << POSITION_BITS) - 1), null));
        }
        merge(files, sink);
    }

    /**
     * The rows where the country is the destination, then those where it is the exporter of another's, each in the
     * sheet's order.
     */
    void forEachOf(long runId, String country, Consumer<Row> sink) {
        merge(spans(runId, "destination", country, null), sink);
        merge(spans(runId, "exporter", country, country), sink);
    }

    private List<Cursor> spans(long runId, String role, String country, String exporter) {
        return jdbc.query(
                "SELECT first_key, last_key FROM aw_licence_span WHERE run_id = ? AND role = ? AND country = ?"
                        + " ORDER BY file_no",
                (rs, i) -> new Cursor(rs.getLong(1), rs.getLong(2), exporter),
                runId,
                role,
                country);
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

    /**
     * One file's rows between two keys, some blocks at a time; only those of one exporter (not to itself) when given.
     */
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

        /** Reads blocks until some row is at hand or the span is done. */
        void fill() {
            while (rows.isEmpty() && next <= last) {
                // Positions are the key's low bits: the block holding a key starts at the key rounded down.
                long from = next - Math.floorMod(next, (long) LicenceBlock.ROWS);
                long[] end = {last + 1};
                int[] blocks = {0};
                jdbc.query(
                        "SELECT first_key, row_count, data, file_no FROM aw_licence_block WHERE first_key >= ?"
                                + " AND first_key <= ? ORDER BY first_key LIMIT " + PAGE,
                        rs -> {
                            blocks[0]++;
                            long first = rs.getLong(1);
                            List<Row> block = LicenceBlock.decode(rs.getBytes(3), rs.getInt(4));
                            for (int i = 0; i < block.size(); i++) {
                                long key = first + i;
                                Row r = block.get(i);
                                if (key < next || key > last) continue;
                                if (exporter != null
                                        && (!r.exporter().equals(exporter)
                                                || r.destination().equals(exporter))) continue;
                                rows.add(r);
                            }
                            end[0] = first + rs.getInt(2);
                        },
                        from,
                        last);
                next = blocks[0] < PAGE ? last + 1 : end[0];
            }
        }
    }
}

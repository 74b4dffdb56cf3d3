package org.armswatch.aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the job could not be sure of, kept with the run (aw_warning): a figure that was counted one way where another
 * was possible, two sources that may describe the same events. A warning never changes a figure; it makes sure the
 * reporter sees the doubt on the Cover, in Data_quality and on the cron line, instead of a quiet number.
 */
public final class RunWarnings {

    /** The step that wrote a warning: a step that runs again deletes its own first. */
    public static final String AGGREGATE = "aggregate";

    public static final String STAGE = "stage";

    public static final String FIND = "find";

    /** @param fileNo the input file it concerns, 0 for the run as a whole */
    public record Warning(int fileNo, String message) {}

    /** A warning as the workbook and the cron line show it: the file's name, or "" for the run as a whole. */
    public record Shown(String file, String message) {
        public String line() {
            return file.isEmpty() ? message : file + ": " + message;
        }
    }

    private final JdbcTemplate jdbc;

    public RunWarnings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(long runId, String step, List<Warning> warnings) {
        List<Object[]> rows = new ArrayList<>();
        for (Warning w : warnings) rows.add(new Object[] {runId, w.fileNo(), step, w.message()});
        jdbc.batchUpdate("INSERT INTO aw_warning (run_id, file_no, step, message) VALUES (?, ?, ?, ?)", rows);
    }

    /** The run's warnings, the run's own first, then by file, in the order they were written. */
    public List<Shown> of(long runId) {
        Map<Integer, String> files = new StagingStore(jdbc).fileNames(runId);
        return jdbc.query(
                "SELECT file_no, message FROM aw_warning WHERE run_id = ? ORDER BY file_no, step DESC, message",
                (rs, i) -> new Shown(rs.getInt(1) == 0 ? "" : files.getOrDefault(rs.getInt(1), ""), rs.getString(2)),
                runId);
    }
}

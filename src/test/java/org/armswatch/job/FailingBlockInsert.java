package org.armswatch.job;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.h2.api.Trigger;

/**
 * An H2 trigger on the licence blocks, for StagingRestartTest: it records the position of every block inserted and,
 * once, fails the insert of the block at a chosen position, as a full disk or a lost connection would, with no knob in
 * the job itself.
 */
public class FailingBlockInsert implements Trigger {

    /** The position (row number in its file) whose block fails once; -1 for none. */
    static volatile long failAt = -1;

    /** Positions of the blocks inserted, in order, by file number. */
    static final List<long[]> INSERTED = new CopyOnWriteArrayList<>();

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        long key = ((Number) newRow[0]).longValue();
        long position = key & ((1L << 28) - 1);
        INSERTED.add(new long[] {((Number) newRow[2]).longValue(), position});
        if (position == failAt) {
            failAt = -1;
            throw new SQLException("the disk gave way (StagingRestartTest's trigger)");
        }
    }
}

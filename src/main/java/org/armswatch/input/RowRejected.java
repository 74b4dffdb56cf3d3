package org.armswatch.input;

/**
 * Thrown while turning a CSV row into a figure when the row cannot be used. Its message is the reason a reporter reads
 * in Data_quality, so it names the column and the value. No stack trace: rejected rows are routine, and a run may meet
 * thousands.
 */
public final class RowRejected extends Exception {
    public RowRejected(String reason) {
        super(reason, null, false, false);
    }
}

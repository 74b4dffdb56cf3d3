package org.armswatch.input;

/** A cell that is not a usable figure; the message is the reason shown to the reporter. */
public final class FigureFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public FigureFormatException(String reason) {
        // No stack trace: a broken export can reject many thousands of rows, and the reason is all anyone reads.
        super(reason, null, false, false);
    }
}

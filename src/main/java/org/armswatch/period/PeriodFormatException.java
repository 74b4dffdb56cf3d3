package org.armswatch.period;

/** A period or date a reporter wrote that cannot be read; the message says why, in their words. */
public final class PeriodFormatException extends Exception {

    private static final long serialVersionUID = 1L;

    public PeriodFormatException(String reason) {
        // A rejected row is the input's fault, not the code's: a stack trace would only cost time
        // when a broken export rejects millions of rows.
        super(reason, null, false, false);
    }
}

package org.armswatch.job;

/** A bad command line or configuration: the message says what is wrong and what is allowed. */
public final class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}

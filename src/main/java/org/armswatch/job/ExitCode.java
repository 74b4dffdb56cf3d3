package org.armswatch.job;

/** What the process tells cron. The README's table explains each one and what to do. */
public enum ExitCode {
    /** The run completed, or the run date was already done. */
    OK(0, "success"),
    /** The run failed: bad or missing input, too many rejected rows, a full disk. Nothing was published. */
    RUN_FAILED(1, "the run failed; nothing was published; the next start resumes it"),
    /** Bad command line or configuration. Nothing was touched. */
    USAGE(2, "bad command line or configuration; nothing was run"),
    /** Another run holds the state folder. Nothing was touched. */
    ALREADY_RUNNING(3, "another run is in progress on this state folder; nothing was touched"),
    /** Stopped by SIGTERM or Ctrl-C at a step boundary; the next start resumes it. */
    STOPPED(4, "the run was stopped; the next start resumes it"),
    /** The state folder cannot be written, or its database is damaged. Nothing was run. */
    STATE_UNUSABLE(5, "the state folder cannot be used; nothing was run");

    final int code;
    final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }

    public int code() {
        return code;
    }
}

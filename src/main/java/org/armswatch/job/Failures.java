package org.armswatch.job;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** The sentence an operator reads when a run fails: the deepest message, without the stack. */
final class Failures {

    private Failures() {}

    static String reason(JobExecution execution) {
        // A partitioned step fails because a partition did ("Partition handler returned an unsuccessful step"):
        // the partition's own failure says which file or workbook, and why.
        List<Throwable> failures = new ArrayList<>();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStepName().contains(":")) failures.addAll(step.getFailureExceptions());
        }
        failures.addAll(execution.getAllFailureExceptions());
        if (failures.isEmpty()) {
            return "the job ended " + execution.getStatus() + " ("
                    + execution.getExitStatus().getExitDescription() + ")";
        }
        return reason(failures.get(0));
    }

    /**
     * The deepest message of a failure kept only as text, as a partition run by another JVM leaves it: its step's exit
     * description, a stack trace.
     */
    static String reasonInTrace(String trace) {
        String message = null;
        for (String line : trace.lines().toList()) {
            if (line.isBlank() || Character.isWhitespace(line.charAt(0))) continue;
            String thrown = line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line;
            if (message != null && thrown == line) continue; // a message's later lines
            int colon = thrown.indexOf(": ");
            message = colon > 0 && !thrown.substring(0, colon).contains(" ") ? thrown.substring(colon + 2) : thrown;
        }
        return message == null ? trace : message;
    }

    static String reason(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError) {
                // "Java heap space" tells an operator nothing about what to change.
                return "out of memory (" + c.getMessage() + ") with a maximum heap of "
                        + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; a larger input needs more:"
                        + " ARMSWATCH_JAVA_OPTS=-Xmx1g bin/armswatch (about 60 MB more per million distinct ACLED events)";
            }
        }
        Throwable deepest = t;
        String message = t.getMessage();
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null) message = deepest.getMessage();
        }
        if (message != null && message.contains("No space left on device")) {
            return "the disk is full (" + message + "): free space where the output folder lives and start again;"
                    + " the run resumes where it stopped";
        }
        return message == null ? deepest.getClass().getSimpleName() : message;
    }
}

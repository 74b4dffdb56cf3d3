package org.armswatch.job;

import java.util.List;

import org.springframework.batch.core.job.JobExecution;

/** The sentence an operator reads when a run fails: the deepest message, without the stack. */
final class Failures {

    private Failures() {}

    static String reason(JobExecution execution) {
        List<Throwable> failures = execution.getAllFailureExceptions();
        if (failures.isEmpty()) {
            return "the job ended " + execution.getStatus() + " (" + execution.getExitStatus().getExitDescription() + ")";
        }
        return reason(failures.get(0));
    }

    static String reason(Throwable t) {
        Throwable deepest = t;
        String message = t.getMessage();
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
            if (deepest.getMessage() != null) message = deepest.getMessage();
        }
        return message == null ? deepest.getClass().getSimpleName() : message;
    }
}

package org.armswatch.job;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.support.JobExecutionShutdownHook;
import org.springframework.batch.core.listener.JobExecutionListener;

/**
 * SIGTERM and Ctrl-C: ask the running job to stop at its next chunk boundary through Spring Batch's
 * {@link JobExecutionShutdownHook}, wait until the job has recorded itself as STOPPED (that hook does not wait), and
 * only then let the process end, with exit code 4. Spring Boot's own shutdown hook is off (see ArmswatchApplication):
 * it would close the database under the running step.
 */
final class GracefulStop implements JobExecutionListener {

    /** How long a stop may take before the process ends anyway; the next start recovers it. */
    static final long PATIENCE_SECONDS = 60;

    private static volatile JobExecution running;
    private static volatile JobOperator operator;
    private static volatile boolean stopping;
    private static final CountDownLatch finished = new CountDownLatch(1);
    private static volatile int exitCode = ExitCode.STOPPED.code();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(GracefulStop::onSignal, "armswatch-stop"));
    }

    GracefulStop(JobOperator jobOperator) {
        operator = jobOperator;
    }

    @Override
    public void beforeJob(JobExecution execution) {
        running = execution;
    }

    @Override
    public void afterJob(JobExecution execution) {
        running = null;
    }

    static boolean stopping() {
        return stopping;
    }

    /**
     * Called by main before it exits on its own: the shutdown hook that follows is no signal. A run that failed inside
     * Spring Batch's own bookkeeping (a full disk under the job repository) never reaches afterJob, and its exit would
     * otherwise be taken for a stop, with exit code 4 instead of the failure's.
     */
    static void exiting() {
        running = null;
    }

    /** Called by main once the job has ended and its last line is printed. */
    static void finished(int code) {
        exitCode = code;
        finished.countDown();
    }

    private static void onSignal() {
        JobExecution execution = running;
        if (execution == null || operator == null) {
            return; // not inside a job: an ordinary exit, or a signal before or after the run
        }
        stopping = true;
        System.out.println("armswatch: stop requested; stopping at the next chunk boundary");
        try {
            // Spring Batch's own hook: it records the job as stopping, and each step ends at its next commit.
            new JobExecutionShutdownHook(execution, operator).run();
        } catch (RuntimeException e) {
            System.out.println(
                    "armswatch: could not record the stop (" + e.getMessage() + "); the next start recovers the run");
        }
        try {
            if (finished.await(PATIENCE_SECONDS, TimeUnit.SECONDS)) {
                System.out.flush();
                Runtime.getRuntime().halt(exitCode);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Runtime.getRuntime().halt(ExitCode.STOPPED.code());
    }
}

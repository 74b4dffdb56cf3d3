package org.armswatch.job;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;

/** The nightly job's entry point: the exit code must reach the shell, so cron can tell why. */
@SpringBootApplication(scanBasePackages = "org.armswatch.job")
public class ArmswatchApplication {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the job and returns the exit code; a failure to start is mapped to its own code. */
    public static int run(String... args) {
        try {
            return SpringApplication.exit(SpringApplication.run(ArmswatchApplication.class, args));
        } catch (Throwable t) {
            ExitCode code = startupFailure(t);
            System.out.println("armswatch did not run: " + Failures.reason(t) + " (exit " + code.code() + ": "
                    + code.meaning + ")");
            return code.code();
        }
    }

    private static ExitCode startupFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UsageException || c instanceof BindException) return ExitCode.USAGE;
            if (c instanceof RunLock.RunInProgressException) return ExitCode.ALREADY_RUNNING;
        }
        return ExitCode.RUN_FAILED;
    }
}

package org.armswatch.job;

import java.nio.file.Path;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.bind.BindException;

/** The nightly job's entry point: the exit code must reach the shell, so cron can tell why. */
@SpringBootApplication(scanBasePackages = "org.armswatch.job")
public class ArmswatchApplication {

    public static void main(String[] args) {
        int code = run(args);
        if (GracefulStop.stopping()) {
            // A signal is ending the process: its shutdown hook exits with this code.
            GracefulStop.finished(code);
            return;
        }
        System.exit(code);
    }

    /** Runs the job and returns the exit code; a failure to start is mapped to its own code. */
    public static int run(String... args) {
        Optional<String> holder = RunLock.heldBy(stateDirNamedIn(args));
        if (holder.isPresent()) {
            System.out.println("armswatch did not run: " + holder.get() + " (exit " + ExitCode.ALREADY_RUNNING.code()
                    + ": " + ExitCode.ALREADY_RUNNING.meaning + ")");
            return ExitCode.ALREADY_RUNNING.code();
        }
        try {
            SpringApplication app = new SpringApplication(ArmswatchApplication.class);
            // Boot's hook would close the database under a running step; GracefulStop handles signals.
            app.setRegisterShutdownHook(false);
            return SpringApplication.exit(app.run(args));
        } catch (SpringApplication.AbandonedRunException e) {
            // The build's ahead-of-time processing stops the application once its context is prepared.
            throw e;
        } catch (Throwable t) {
            ExitCode code = startupFailure(t);
            System.out.println("armswatch did not run: " + Failures.reason(t) + " (exit " + code.code() + ": "
                    + code.meaning + ")");
            return code.code();
        }
    }

    /** The state folder as the command line names it (or the default); the configuration may still move it. */
    static Path stateDirNamedIn(String... args) {
        String output = "output";
        for (String a : args) {
            if (a.startsWith("--output=")) output = a.substring("--output=".length());
            else if (a.startsWith("--armswatch.output=")) output = a.substring("--armswatch.output=".length());
        }
        return Path.of(output, ".state");
    }

    private static ExitCode startupFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UsageException || c instanceof BindException) return ExitCode.USAGE;
            if (c instanceof RunLock.RunInProgressException) return ExitCode.ALREADY_RUNNING;
        }
        return ExitCode.RUN_FAILED;
    }
}

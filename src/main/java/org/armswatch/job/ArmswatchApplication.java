package org.armswatch.job;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.StatusListener;
import ch.qos.logback.core.status.StatusManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.util.ClassUtils;

/** The nightly job's entry point: the exit code must reach the shell, so cron can tell why. */
@SpringBootApplication(scanBasePackages = "org.armswatch.job")
public class ArmswatchApplication {

    public static void main(String[] args) {
        useAheadOfTimeDefinitionsOfTheJar();
        int code = run(args);
        if (GracefulStop.stopping()) {
            // A signal is ending the process: its shutdown hook exits with this code.
            GracefulStop.finished(code);
            return;
        }
        GracefulStop.exiting();
        System.exit(code);
    }

    /**
     * The bean definitions that the build's ahead-of-time processing made (at package time) are used whenever the job
     * runs from its jar, so a plain {@code java -jar} starts as the launcher does: 0.3-0.45 s less, alternating runs.
     * Not from {@code target/classes}, where they may be older than the code (a test run after a package without
     * clean).
     */
    static void useAheadOfTimeDefinitionsOfTheJar() {
        if (System.getProperty(AOT_ENABLED) != null) return;
        java.security.CodeSource source =
                ArmswatchApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null ? "" : source.getLocation().toString();
        boolean fromJar = location.startsWith("jar:") || location.endsWith(".jar") || location.contains(".jar!");
        if (fromJar
                && ClassUtils.isPresent(
                        ArmswatchApplication.class.getName() + "__ApplicationContextInitializer",
                        ArmswatchApplication.class.getClassLoader())) {
            System.setProperty(AOT_ENABLED, "true");
        }
    }

    private static final String AOT_ENABLED = "spring.aot.enabled";

    /** Runs the job and returns the exit code; a failure to start is mapped to its own code. */
    public static int run(String... args) {
        Optional<String> unwritable = unwritable(stateDirNamedIn(args));
        if (unwritable.isPresent()) {
            System.out.println("armswatch did not run: " + unwritable.get() + " (exit " + ExitCode.STATE_UNUSABLE.code()
                    + ": " + ExitCode.STATE_UNUSABLE.meaning + ")");
            return ExitCode.STATE_UNUSABLE.code();
        }
        Optional<String> holder = RunLock.heldBy(
                stateDirNamedIn(args), java.util.List.of(args).contains("--worker") ? RunLock.WORKER : RunLock.RUN);
        if (holder.isPresent()) {
            System.out.println("armswatch did not run: " + holder.get() + " (exit " + ExitCode.ALREADY_RUNNING.code()
                    + ": " + ExitCode.ALREADY_RUNNING.meaning + ")");
            return ExitCode.ALREADY_RUNNING.code();
        }
        try {
            SpringApplication app = new SpringApplication(ArmswatchApplication.class);
            // Boot's hook would close the database under a running step; GracefulStop handles signals.
            app.setRegisterShutdownHook(false);
            app.addListeners(event -> {
                if (event instanceof ApplicationPreparedEvent) quietLoggingStatus();
            });
            return SpringApplication.exit(app.run(args));
        } catch (SpringApplication.AbandonedRunException e) {
            // The build's ahead-of-time processing stops the application once its context is prepared.
            throw e;
        } catch (Throwable t) {
            ExitCode code = startupFailure(t);
            String reason = damagedDatabase(t, stateDirNamedIn(args)).orElseGet(() -> Failures.reason(t));
            System.out.println(
                    "armswatch did not run: " + reason + " (exit " + code.code() + ": " + code.meaning + ")");
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

    /**
     * Logback's own troubles (its file on a full disk: a stack trace per line it cannot write) stay off the console,
     * where Spring Boot's status listener would print them into the cron mail; the failure's one sentence says it.
     */
    static void quietLoggingStatus() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) return;
        StatusManager statuses = context.getStatusManager();
        for (StatusListener listener : statuses.getCopyOfStatusListenerList()) {
            if (listener.getClass().getName().equals("org.springframework.boot.logging.logback.SystemStatusListener")) {
                statuses.remove(listener);
            }
        }
    }

    /**
     * Why the state folder (and so the log, the lock and the H2 database) cannot be written, or empty. Checked before
     * Spring starts: a read-only output folder would otherwise surface as a page of the logging library's errors.
     */
    static Optional<String> unwritable(Path stateDir) {
        try {
            Files.createDirectories(stateDir.resolve("logs"));
            Path probe = Files.createTempFile(stateDir, ".writable", ".probe");
            Files.delete(probe);
            return Optional.empty();
        } catch (IOException e) {
            String why = e instanceof java.nio.file.FileSystemException f && f.getReason() != null
                    ? f.getReason()
                    : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return Optional.of("the state folder " + stateDir.toAbsolutePath() + " cannot be written (" + why
                    + "): make the output folder writable, or name another with --output");
        }
    }

    /**
     * The sentence for a state database H2 finds damaged (a disk fault, a copy taken while it was written): resuming is
     * impossible, and what the operator can do is start from a fresh one.
     */
    static Optional<String> damagedDatabase(Throwable t, Path stateDir) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (damaged(c)) {
                String m = c.getMessage();
                Path db = stateDir.resolve("armswatch.mv.db");
                return Optional.of("the state database " + db + " is damaged ("
                        + m.lines().findFirst().orElse(m)
                        + "): move it aside (mv " + db + " " + db + ".damaged) and start again; the run is then made"
                        + " afresh, and its Changes sheet finds no earlier run to compare with");
            }
        }
        return Optional.empty();
    }

    /** H2's word for a database file it cannot read: "Store header is corrupt", "File corrupted while reading". */
    private static boolean damaged(Throwable c) {
        String m = c.getMessage();
        return c.getClass().getName().startsWith("org.h2.")
                && m != null
                && (m.contains("corrupt") || m.contains("File corrupted"));
    }

    private static ExitCode startupFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (damaged(c)) return ExitCode.STATE_UNUSABLE;
            if (c instanceof UsageException || c instanceof BindException) return ExitCode.USAGE;
            if (c instanceof RunLock.RunInProgressException) return ExitCode.ALREADY_RUNNING;
        }
        return ExitCode.RUN_FAILED;
    }
}

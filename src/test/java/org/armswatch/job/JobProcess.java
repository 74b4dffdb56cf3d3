package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The packaged job in a child process, started as cron starts it: java -jar target/armswatch.jar. */
final class JobProcess {

    static final Path JAR = Path.of("target", "armswatch.jar");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;
    private volatile Thread throttle;

    private JobProcess(Process process) {
        this.process = process;
        this.reader = new Thread(
                () -> {
                    try (BufferedReader out = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line; (line = out.readLine()) != null; ) {
                            synchronized (lines) {
                                lines.add(line);
                                lines.notifyAll();
                            }
                        }
                    } catch (IOException e) {
                        // the process was killed: what it printed so far stays in lines
                    }
                },
                "job-output");
        reader.setDaemon(true);
        reader.start();
    }

    static JobProcess start(String... args) throws IOException {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new JobProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The job as the README and cron start it: bin/armswatch, which execs the JVM with its options. */
    static JobProcess startWithLauncher(String... args) throws IOException {
        List<String> command =
                new ArrayList<>(List.of(Path.of("bin", "armswatch").toString()));
        command.addAll(List.of(args));
        return new JobProcess(
                new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /**
     * Slows the process from outside, as a machine under load would: it is frozen (SIGSTOP) for {@code frozenMillis},
     * then runs (SIGCONT) for {@code runningMillis}, over and over. So a test can land a kill inside a step that would
     * otherwise take milliseconds, and the job has no slow-down option of its own. The throttle begins at the job's
     * first line: Java and Spring start at full speed.
     */
    JobProcess throttled(long runningMillis, long frozenMillis) {
        Thread t = new Thread(
                () -> {
                    try {
                        awaitLine(l -> true, 120_000);
                        while (process.isAlive() && throttle == Thread.currentThread()) {
                            signal("STOP");
                            Thread.sleep(frozenMillis);
                            signal("CONT");
                            Thread.sleep(runningMillis);
                        }
                    } catch (IOException | InterruptedException e) {
                        // the throttle ends; the process runs on at full speed
                    } finally {
                        try {
                            signal("CONT");
                        } catch (IOException | InterruptedException e) {
                            // the process is gone
                        }
                    }
                },
                "job-throttle");
        t.setDaemon(true);
        throttle = t;
        t.start();
        return this;
    }

    /** Lets a throttled process run at full speed again. */
    void unthrottled() throws InterruptedException {
        Thread t = throttle;
        throttle = null;
        if (t != null) {
            t.interrupt();
            t.join(5_000);
        }
    }

    private void signal(String name) throws IOException, InterruptedException {
        if (process.isAlive())
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid()))
                    .start()
                    .waitFor();
    }

    /** Waits until a printed line matches; false if the process ended or time ran out first. */
    boolean awaitLine(Predicate<String> wanted, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        synchronized (lines) {
            while (true) {
                if (lines.stream().anyMatch(wanted)) return true;
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(wanted))) {
                    if (!process.isAlive()) return lines.stream().anyMatch(wanted);
                    return false;
                }
                lines.wait(Math.min(left, 100));
            }
        }
    }

    void killNine() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Unix
        process.waitFor();
        reader.join(5_000);
    }

    /**
     * SIGTERM, as `kill PID` or systemd's stop sends it. Sent with kill(1): Process.destroy() would also close our end
     * of the child's output, and its last lines would be lost.
     */
    void terminate() throws IOException, InterruptedException {
        unthrottled();
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid()))
                .inheritIO()
                .start()
                .waitFor();
    }

    boolean alive() {
        return process.isAlive();
    }

    int exitCode(long timeoutSeconds) throws InterruptedException {
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the job did not end within " + timeoutSeconds + " s; it printed:\n" + output());
        }
        reader.join(5_000); // every line the process printed, up to its end
        return process.exitValue();
    }

    String output() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    long pid() {
        return process.pid();
    }

    /** An uninterrupted run of the packaged jar on H2, whose published files others must equal: its run folder. */
    static Path cleanRunOnH2(Path input, Path output) throws IOException, InterruptedException {
        JobProcess run = start("--input=" + input, "--output=" + output, "--run-date=" + CronBehaviourIT.RUN_DATE);
        assertThat(run.exitCode(180)).as(run.output()).isZero();
        return output.resolve(CronBehaviourIT.RUN_DATE);
    }
}

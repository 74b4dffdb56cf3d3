package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.armswatch.workbook.WorkbookComparison;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * product.md's "Behaviour a cron job owes its operator", row by row, with the packaged jar in a child process: killed,
 * stopped, overlapped and broken runs must end as an uninterrupted run does. The job has no slow-down option: a test
 * slows the child from outside ({@link JobProcess#throttled}, SIGSTOP and SIGCONT, as a loaded machine would), so that
 * a kill lands inside a step.
 */
class CronBehaviourIT {

    static final String RUN_DATE = "2026-11-28";
    /** Runs a quarter of the time: the bundled input's steps then last long enough to be killed inside. */
    static JobProcess slowed(JobProcess job) {
        return job.throttled(50, 150);
    }

    @TempDir
    static Path shared;

    static Path input;
    static Path reference;

    @TempDir
    Path dir;

    @BeforeAll
    static void anUninterruptedRun() throws Exception {
        input = BundledInput.copyTo(shared.resolve("input"));
        Path output = shared.resolve("reference");
        JobProcess job = JobProcess.start("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE);
        assertThat(job.exitCode(120)).as(job.output()).isZero();
        reference = output.resolve(RUN_DATE);
    }

    String[] args(Path output, String... more) {
        List<String> args =
                new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /**
     * The published run equals the uninterrupted one byte for byte: every workbook, chart and page. Only the manifest
     * differs, by the times it records.
     */
    void assertSameAsReference(Path output) throws Exception {
        Path run = output.resolve("latest").toRealPath();
        assertThat(PublishedFiles.of(run)).isEqualTo(PublishedFiles.of(reference));
        for (String file : PublishedFiles.of(reference)) {
            if (file.equals("manifest.json")) continue;
            if (java.util.Arrays.equals(
                    Files.readAllBytes(run.resolve(file)), Files.readAllBytes(reference.resolve(file)))) {
                continue;
            }
            // Both files stay for a look: target/cron-differences/<n>/.
            Path kept =
                    Files.createDirectories(Path.of("target", "cron-differences", Long.toString(System.nanoTime())));
            Files.copy(
                    run.resolve(file), kept.resolve("resumed-" + Path.of(file).getFileName()));
            Files.copy(
                    reference.resolve(file),
                    kept.resolve("reference-" + Path.of(file).getFileName()));
            Files.copy(run.resolve("manifest.json"), kept.resolve("resumed-manifest.json"));
            assertThat(run.resolve(file)).as(file).hasSameBinaryContentAs(reference.resolve(file));
        }
        assertThat(WorkbookComparison.differences(
                        reference.resolve("report-" + RUN_DATE + ".xlsx"), run.resolve("report-" + RUN_DATE + ".xlsx")))
                .isEmpty();
        assertThat(output.resolve(".work").resolve(RUN_DATE)).doesNotExist();
    }

    /** The job's log file, where each partition's start and end are written (the console has the steps only). */
    static Path log(Path output) {
        return output.resolve(".state").resolve("logs").resolve("armswatch.log");
    }

    static List<String> logLines(Path output, long from) throws Exception {
        Path log = log(output);
        if (!Files.exists(log)) return List.of();
        byte[] bytes = Files.readAllBytes(log);
        return new String(
                        bytes,
                        (int) Math.min(from, bytes.length),
                        (int) Math.max(0, bytes.length - from),
                        java.nio.charset.StandardCharsets.UTF_8)
                .lines()
                .toList();
    }

    /** The partitions of a worker step whose end the log records as completed, e.g. "writeWorkbook:KZ". */
    static List<String> completedPartitions(List<String> log, String worker) {
        return log.stream()
                .filter(l -> l.contains("org.armswatch.partitions : " + worker + ":") && l.contains(" completed"))
                .map(l -> l.substring(l.indexOf(worker + ":"), l.lastIndexOf(" completed")))
                .toList();
    }

    static boolean await(java.util.concurrent.Callable<Boolean> condition, long timeoutMillis) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (condition.call()) return true;
            Thread.sleep(5);
        }
        return false;
    }

    @ParameterizedTest(name = "kill -9 during {0}")
    @ValueSource(
            strings = {
                "findInputs",
                "stageInputs",
                "checkRejects",
                "aggregate",
                "drawCharts",
                "writeWorkbooks",
                "writePage",
                "publish"
            })
    void killNineDuringAStepThenTheNextStartFinishesTheSameRun(String step) throws Exception {
        Path output = dir.resolve("output");
        JobProcess killed = slowed(JobProcess.start(args(output)));
        assertThat(killed.awaitLine(l -> l.endsWith(step + " started"), 60_000))
                .as(killed.output())
                .isTrue();
        // A few milliseconds into the step, a different number for each step, so that the kills land at
        // different points of the steps' work.
        Thread.sleep(step.hashCode() & 31);
        killed.killNine();
        assertThat(output.resolve("latest"))
                .as("nothing published by the killed run")
                .doesNotExist();

        JobProcess resumed = JobProcess.start(args(output));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("recovering it").contains("resuming run");
        assertSameAsReference(output);
    }

    /**
     * Killed once a partition of the step has committed and before the others have: the next start runs only the
     * partitions that had not completed, and the run it publishes is byte for byte the uninterrupted one.
     */
    @ParameterizedTest(name = "kill -9 in the middle of {0}")
    @ValueSource(strings = {"stageInputs:stageInput", "writeWorkbooks:writeWorkbook"})
    void killNineInTheMiddleOfAPartitionedStepRedoesOnlyWhatDidNotComplete(String stepAndWorker) throws Exception {
        String step = stepAndWorker.split(":")[0];
        String worker = stepAndWorker.split(":")[1];
        Path output = dir.resolve("output");
        JobProcess killed = slowed(JobProcess.start(args(output)));
        assertThat(await(() -> !completedPartitions(logLines(output, 0), worker).isEmpty(), 60_000))
                .as(killed.output())
                .isTrue();
        killed.killNine();
        List<String> before = logLines(output, 0);
        List<String> done = completedPartitions(before, worker);
        assertThat(killed.output()).contains(step + " started").doesNotContain(step + " completed");
        long logged = Files.size(log(output));

        JobProcess resumed = JobProcess.start(args(output));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        List<String> again = logLines(output, logged).stream()
                .filter(l -> l.contains("org.armswatch.partitions : " + worker + ":") && l.endsWith(" started"))
                .toList();
        assertThat(again).as("partitions run again").isNotEmpty();
        for (String partition : done) {
            assertThat(again).as("a completed partition run again").noneMatch(l -> l.contains(partition + " started"));
        }
        assertSameAsReference(output);
    }

    /** Killed after a chunk of charts committed: the next start draws only the charts after it. */
    @Test
    void killNineInTheMiddleOfTheChartsDrawsOnlyTheChartsNotCommitted() throws Exception {
        Path output = dir.resolve("output");
        Path charts = output.resolve(".work").resolve(RUN_DATE).resolve("charts");
        JobProcess killed = slowed(JobProcess.start(args(output)));
        // The chunks are drawn one after another: with a fifth PNG written, the first chunk of four has committed.
        assertThat(await(() -> pngs(charts).size() >= NightlyJobConfiguration.CHARTS_PER_CHUNK + 1, 60_000))
                .as(killed.output())
                .isTrue();
        killed.killNine();
        java.util.Map<String, java.nio.file.attribute.FileTime> drawn = new java.util.TreeMap<>();
        for (Path png : pngs(charts)) drawn.put(png.getFileName().toString(), Files.getLastModifiedTime(png));
        assertThat(killed.output()).doesNotContain("drawCharts completed");

        JobProcess resumed = JobProcess.start(args(output));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        Path published = output.resolve("latest").resolve("charts");
        long kept = drawn.entrySet().stream()
                .filter(e -> {
                    try {
                        return Files.getLastModifiedTime(published.resolve(e.getKey()))
                                .equals(e.getValue());
                    } catch (java.io.IOException ex) {
                        throw new java.io.UncheckedIOException(ex);
                    }
                })
                .count();
        assertThat(kept)
                .as("charts of committed chunks, not drawn again")
                .isGreaterThanOrEqualTo(NightlyJobConfiguration.CHARTS_PER_CHUNK);
        assertThat(kept).as("charts drawn again").isLessThan(pngs(published).size());
        assertSameAsReference(output);
    }

    private static List<Path> pngs(Path folder) throws java.io.IOException {
        if (!Files.isDirectory(folder)) return List.of();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".png"))
                    .toList();
        }
    }

    @Test
    void killNineAtTenRandomMomentsThenTheSameResult() throws Exception {
        Path output = dir.resolve("output");
        Random moments = new Random(20220105);
        int killedMidRun = 0;
        for (int i = 0; i < 10; i++) {
            JobProcess job = slowed(JobProcess.start(args(output)));
            Thread.sleep(1_000 + moments.nextInt(4_000));
            if (job.alive()) {
                job.killNine();
                killedMidRun++;
            } else {
                assertThat(job.exitCode(5)).as(job.output()).isZero();
            }
        }
        JobProcess last = JobProcess.start(args(output));
        assertThat(last.exitCode(120)).as(last.output()).isZero();
        assertThat(killedMidRun).as("kills that landed inside a run").isGreaterThan(0);
        assertSameAsReference(output);
    }

    @Test
    void sigtermStopsAtAChunkBoundaryAndTheNextStartResumes() throws Exception {
        Path output = dir.resolve("output");
        JobProcess job = slowed(JobProcess.start(args(output)));
        assertThat(job.awaitLine(l -> l.endsWith("stageInputs started"), 60_000))
                .as(job.output())
                .isTrue();
        job.terminate();
        assertThat(job.exitCode(60)).as(job.output()).isEqualTo(ExitCode.STOPPED.code());
        assertThat(job.output()).contains("stopped (exit 4");
        assertThat(output.resolve("latest")).doesNotExist();

        JobProcess resumed = JobProcess.start(args(output));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming run").doesNotContain("recovering");
        assertSameAsReference(output);
    }

    @Test
    void theLauncherIsTheJobItselfToCronSignalsAndExitCodes() throws Exception {
        Path output = dir.resolve("output");
        // bin/armswatch execs the JVM: the pid cron and systemd signal is the job's own.
        JobProcess job = slowed(JobProcess.startWithLauncher(args(output)));
        assertThat(job.awaitLine(l -> l.endsWith("stageInputs started"), 120_000))
                .as(job.output())
                .isTrue();
        job.terminate();
        assertThat(job.exitCode(60)).as(job.output()).isEqualTo(ExitCode.STOPPED.code());

        JobProcess resumed = JobProcess.startWithLauncher(args(output));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming run").doesNotContain("warning");
        assertThat(Path.of("target", "armswatch-app", "armswatch.jsa")).isNotEmptyFile();
        assertSameAsReference(output);
    }

    @Test
    void aSecondStartDuringARunIsRefusedAndTheFirstCompletesUnharmed() throws Exception {
        Path output = dir.resolve("output");
        JobProcess first = slowed(JobProcess.start(args(output)));
        assertThat(first.awaitLine(l -> l.endsWith("stageInputs started"), 60_000))
                .as(first.output())
                .isTrue();

        long asked = System.nanoTime();
        JobProcess second = JobProcess.start(args(output));
        int code = second.exitCode(30);
        System.out.printf("second start refused after %.1f s%n", (System.nanoTime() - asked) / 1e9);
        assertThat(code).as(second.output()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
        assertThat(second.output())
                .contains("another armswatch run is in progress")
                .contains("pid " + first.pid())
                .contains("started ");

        assertThat(first.exitCode(120)).as(first.output()).isZero();
        assertSameAsReference(output);
    }

    @Test
    void aCompletedDateIsANoOpAndRerunMakesAFreshRun() throws Exception {
        Path output = dir.resolve("output");
        assertThat(JobProcess.start(args(output)).exitCode(120)).isZero();
        Path report = output.resolve(RUN_DATE).resolve("report-" + RUN_DATE + ".xlsx");
        var written = Files.getLastModifiedTime(report);

        JobProcess again = JobProcess.start(args(output));
        assertThat(again.exitCode(60)).isZero();
        assertThat(again.output()).contains("already done");
        assertThat(Files.getLastModifiedTime(report)).isEqualTo(written);

        JobProcess rerun = JobProcess.start(args(output, "--rerun"));
        assertThat(rerun.exitCode(120)).as(rerun.output()).isZero();
        assertThat(rerun.output()).doesNotContain("already done");
        assertSameAsReference(output);
    }

    @Test
    void anInputFileRemovedMidRunFailsTheRunAndItResumesWhenRestored() throws Exception {
        Path myInput = BundledInput.copyTo(dir.resolve("input"));
        Path output = dir.resolve("output");
        // The smallest file: its partition is handed out last, after the run has begun staging.
        Path acled = myInput.resolve("licences/de_kazakhstan_2021_story.csv");
        Path aside = dir.resolve("story.aside");
        List<String> args = List.of("--input=" + myInput, "--output=" + output, "--run-date=" + RUN_DATE);

        JobProcess job = slowed(JobProcess.start(args.toArray(String[]::new)));
        assertThat(job.awaitLine(l -> l.endsWith("stageInputs started"), 60_000))
                .as(job.output())
                .isTrue();
        Files.move(acled, aside);
        assertThat(job.exitCode(120)).as(job.output()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(job.output()).contains("de_kazakhstan_2021_story.csv").contains("cannot be read");
        assertThat(output.resolve("latest")).doesNotExist();

        Files.move(aside, acled, StandardCopyOption.REPLACE_EXISTING);
        JobProcess resumed = JobProcess.start(args.toArray(String[]::new));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming run");
        assertSameAsReference(output);
    }
}

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
 * product.md's "Behaviour a cron job owes its operator", row by row, with the packaged jar in a
 * child process: killed, stopped, overlapped and broken runs must end as an uninterrupted run does.
 * A test-only pause before each transaction (--armswatch.slow-down-per-chunk-ms) gives the kills
 * time to land inside a step; it changes nothing else.
 */
class CronBehaviourIT {

    static final String RUN_DATE = "2026-11-28";
    static final String SLOW = "--armswatch.slow-down-per-chunk-ms=";

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
        List<String> args = new ArrayList<>(List.of("--input=" + input, "--output=" + output, "--run-date=" + RUN_DATE));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    /** The published run equals the uninterrupted one: every cell of the workbook, every chart's bytes. */
    void assertSameAsReference(Path output) throws Exception {
        Path run = output.resolve("latest");
        assertThat(WorkbookComparison.differences(reference.resolve("report-" + RUN_DATE + ".xlsx"),
                run.resolve("report-" + RUN_DATE + ".xlsx"))).isEmpty();
        try (Stream<Path> charts = Files.list(reference.resolve("charts"))) {
            for (Path chart : charts.toList()) {
                assertThat(run.resolve("charts").resolve(chart.getFileName().toString())).as(chart.getFileName().toString())
                        .hasSameBinaryContentAs(chart);
            }
        }
        assertThat(output.resolve(".work").resolve(RUN_DATE)).doesNotExist();
    }

    @ParameterizedTest(name = "kill -9 during {0}")
    @ValueSource(strings = {"findInputs", "stageLicences", "stageReportedFigures", "stageEvents", "checkRejects",
            "aggregate", "writeReport", "publish"})
    void killNineDuringAStepThenTheNextStartFinishesTheSameRun(String step) throws Exception {
        Path output = dir.resolve("output");
        JobProcess killed = JobProcess.start(args(output, SLOW + 700));
        assertThat(killed.awaitLine(l -> l.endsWith(step + " started"), 60_000)).as(killed.output()).isTrue();
        Thread.sleep(300);
        killed.killNine();
        assertThat(output.resolve("latest")).as("nothing published by the killed run").doesNotExist();

        JobProcess resumed = JobProcess.start(args(output));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("recovering it").contains("resuming run");
        assertSameAsReference(output);
    }

    @Test
    void killNineAtTenRandomMomentsThenTheSameResult() throws Exception {
        Path output = dir.resolve("output");
        Random moments = new Random(20220105);
        int killedMidRun = 0;
        for (int i = 0; i < 10; i++) {
            JobProcess job = JobProcess.start(args(output, SLOW + 300));
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
        JobProcess job = JobProcess.start(args(output, SLOW + 1_000));
        assertThat(job.awaitLine(l -> l.endsWith("stageLicences started"), 60_000)).as(job.output()).isTrue();
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
        JobProcess job = JobProcess.startWithLauncher(args(output, SLOW + 1_000));
        assertThat(job.awaitLine(l -> l.endsWith("stageLicences started"), 120_000)).as(job.output()).isTrue();
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
        JobProcess first = JobProcess.start(args(output, SLOW + 800));
        assertThat(first.awaitLine(l -> l.endsWith("stageLicences started"), 60_000)).as(first.output()).isTrue();

        long asked = System.nanoTime();
        JobProcess second = JobProcess.start(args(output));
        int code = second.exitCode(30);
        System.out.printf("second start refused after %.1f s%n", (System.nanoTime() - asked) / 1e9);
        assertThat(code).as(second.output()).isEqualTo(ExitCode.ALREADY_RUNNING.code());
        assertThat(second.output()).contains("another armswatch run is in progress").contains("pid " + first.pid())
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
        Path acled = myInput.resolve("unrest/acled_format_illustrative.csv");
        Path aside = dir.resolve("acled.aside");
        List<String> args = List.of("--input=" + myInput, "--output=" + output, "--run-date=" + RUN_DATE);

        List<String> slow = new ArrayList<>(args);
        slow.add(SLOW + 800);
        JobProcess job = JobProcess.start(slow.toArray(String[]::new));
        assertThat(job.awaitLine(l -> l.endsWith("stageLicences started"), 60_000)).as(job.output()).isTrue();
        Files.move(acled, aside);
        assertThat(job.exitCode(120)).as(job.output()).isEqualTo(ExitCode.RUN_FAILED.code());
        assertThat(job.output()).contains("acled_format_illustrative.csv").contains("cannot be read");
        assertThat(output.resolve("latest")).doesNotExist();

        Files.move(aside, acled, StandardCopyOption.REPLACE_EXISTING);
        JobProcess resumed = JobProcess.start(args.toArray(String[]::new));
        assertThat(resumed.exitCode(120)).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("resuming run");
        assertSameAsReference(output);
    }
}

package org.armswatch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.dao.DefaultExecutionContextSerializer;

/**
 * Spring Batch's remote partitioning as a desk past one machine would run it: two worker JVMs of the packaged jar and a
 * run, all on one PostgreSQL server. The workers stage the files between them, and the run publishes byte for byte what
 * one JVM on H2 publishes.
 */
class StagingWorkersIT {

    /** Licence files besides the bundled input: enough partitions, each long enough that both workers take some. */
    private static final int LICENCE_FILES = 8;

    private static final int ROWS_PER_FILE = 20_000;

    @TempDir
    Path dir;

    @Test
    void twoWorkerJvmsStageTheFilesOfARunOnOnePostgresAndItPublishesWhatOneJvmOnH2Does() throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        for (int f = 1; f <= LICENCE_FILES; f++) {
            GeneratedLicences.write(
                    input.resolve("licences/generated_" + f + ".csv"),
                    f,
                    ROWS_PER_FILE,
                    "Generated for StagingWorkersIT");
        }
        Path onH2 = JobProcess.cleanRunOnH2(input, dir.resolve("h2"));

        String database = PostgresServer.shared().freshDatabase();
        // No --input: a worker reads the files in the run's input folder, which each partition names.
        // The second worker shares the run's output folder, as one on the run's own machine may: its lock is its own.
        List<JobProcess> workers = List.of(worker(database, "worker-1"), worker(database, "output"));
        try {
            for (JobProcess w : workers) {
                assertThat(w.awaitLine(l -> l.startsWith("armswatch worker "), 120_000))
                        .as(w.output())
                        .isTrue();
            }
            Path output = dir.resolve("output");
            assertThat(output.resolve(".state").resolve(RunLock.WORKER)).exists();
            JobProcess run = JobProcess.start(
                    "--input=" + input,
                    "--output=" + output,
                    "--run-date=" + CronBehaviourIT.RUN_DATE,
                    "--spring.datasource.url=" + database,
                    "--staging=workers");
            assertThat(run.exitCode(300)).as(run.output()).isZero();

            PublishedFiles.assertSame(onH2, output.resolve(CronBehaviourIT.RUN_DATE));
            Map<String, String> stagedBy = stagedBy(database);
            // The bundled files, the generated ones, and the ACLED exports' one partition.
            assertThat(stagedBy).hasSizeGreaterThan(LICENCE_FILES);
            Set<String> pids = new HashSet<>();
            stagedBy.values().forEach(who -> pids.add(who.substring(0, who.indexOf('@'))));
            assertThat(pids)
                    .as("the JVMs that staged each partition: %s", stagedBy)
                    .containsExactlyInAnyOrder(
                            Long.toString(workers.get(0).pid()),
                            Long.toString(workers.get(1).pid()));
        } finally {
            for (JobProcess w : workers) w.terminate();
        }
        for (JobProcess w : workers) {
            // SIGTERM ends an idle worker at once; the JVM reports the signal's exit.
            assertThat(w.exitCode(60)).as(w.output()).isEqualTo(143);
        }
    }

    @Test
    void aWorkerWhoseSettingsWouldReadTheFilesOtherwiseFailsTheRunWithWhyAndTheNextStartWithARightOneFinishesIt()
            throws Exception {
        Path input = BundledInput.copyTo(dir.resolve("input"));
        Path aliases = Files.writeString(dir.resolve("aliases.csv"), "alias,code\nKasachstan Land,KZ\n");
        String database = PostgresServer.shared().freshDatabase();
        Path output = dir.resolve("output");
        String[] run = {
            "--input=" + input,
            "--output=" + output,
            "--run-date=" + CronBehaviourIT.RUN_DATE,
            "--spring.datasource.url=" + database,
            "--staging=workers"
        };

        JobProcess otherSettings = worker(database, "worker-1", "--country-aliases=" + aliases);
        try {
            assertThat(otherSettings.awaitLine(l -> l.startsWith("armswatch worker "), 120_000))
                    .as(otherSettings.output())
                    .isTrue();
            JobProcess failed = JobProcess.start(run);
            assertThat(failed.exitCode(300)).as(failed.output()).isEqualTo(ExitCode.RUN_FAILED.code());
            assertThat(failed.output())
                    .contains("failed: this JVM would read the input files with other settings than the run")
                    .doesNotContain("Partition handler returned");
        } finally {
            otherSettings.terminate();
            otherSettings.exitCode(60);
        }
        JobProcess right = worker(database, "worker-2");
        try {
            assertThat(right.awaitLine(l -> l.startsWith("armswatch worker "), 120_000))
                    .as(right.output())
                    .isTrue();
            JobProcess resumed = JobProcess.start(run);
            assertThat(resumed.exitCode(300)).as(resumed.output()).isZero();
            assertThat(resumed.output()).contains("resuming run");
        } finally {
            right.terminate();
        }
        PublishedFiles.assertSame(
                JobProcess.cleanRunOnH2(input, dir.resolve("h2")), output.resolve(CronBehaviourIT.RUN_DATE));
    }

    @Test
    void aWorkerOnTheDefaultH2IsRefusedWithWhatItNeeds() throws Exception {
        JobProcess worker = JobProcess.start("--worker", "--output=" + dir.resolve("output"));
        assertThat(worker.exitCode(120)).as(worker.output()).isEqualTo(ExitCode.USAGE.code());
        assertThat(worker.output()).contains("PostgreSQL").contains("not H2");
    }

    private JobProcess worker(String database, String name, String... more) throws IOException {
        List<String> args = new java.util.ArrayList<>(
                List.of("--worker", "--output=" + dir.resolve(name), "--spring.datasource.url=" + database));
        args.addAll(List.of(more));
        return JobProcess.start(args.toArray(String[]::new));
    }

    /** Each staging partition's record of the JVM that staged it, from the job repository. */
    private static Map<String, String> stagedBy(String database) throws Exception {
        Map<String, String> stagedBy = new HashMap<>();
        DefaultExecutionContextSerializer serializer = new DefaultExecutionContextSerializer();
        try (Connection c = DriverManager.getConnection(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT e.step_name, c.serialized_context, c.short_context"
                        + " FROM batch_step_execution e JOIN batch_step_execution_context c"
                        + " ON c.step_execution_id = e.step_execution_id WHERE e.step_name LIKE 'stageInput:%'")) {
            while (rs.next()) {
                String context = rs.getString(2) != null ? rs.getString(2) : rs.getString(3);
                Map<String, Object> values =
                        serializer.deserialize(new ByteArrayInputStream(context.getBytes(StandardCharsets.ISO_8859_1)));
                stagedBy.put(rs.getString(1), (String) values.get(StagingWorkers.STAGED_BY));
            }
        }
        assertThat(stagedBy).doesNotContainValue(null);
        return stagedBy;
    }
}
